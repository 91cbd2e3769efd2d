package cn.ipf.batch.imports;

/**
 * What the history-import job asks of the app: check every row of an uploaded file against the rules live data
 * passes, then write it. Implemented in the app's {@code imports} feature; each call runs in the step's transaction.
 */
public interface HistoryImports {

    /** Checks every row; records the errors and answers false when there is any (the file is then refused whole). */
    boolean validate(long fileId);

    /** Writes every row of a file that passed validation, auditing each record as IMPORTED. */
    void write(long fileId);
}
