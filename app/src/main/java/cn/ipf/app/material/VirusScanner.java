package cn.ipf.app.material;

/**
 * 病毒扫描 the hook every upload passes before it is stored. The default accepts everything; a deployment plugs in
 * its scanner (e.g. a ClamAV daemon) as a bean of this type.
 */
public interface VirusScanner {

    /** Null when the content is clean, otherwise the name of what was found. */
    String findThreat(byte[] content);
}
