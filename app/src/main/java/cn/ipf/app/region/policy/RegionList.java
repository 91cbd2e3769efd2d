package cn.ipf.app.region.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks a deployment's region list (行政区划代码表, GB/T 2260): UTF-8 text, {@code #} comment lines, a
 * header {@code code,name,level,parent_code}, then one region per line with every parent before its children.
 */
public final class RegionList {

    private static final Pattern CODE = Pattern.compile("[1-9][0-9]{5}");
    private static final int NAME_MAX = 50;

    private RegionList() {
    }

    /** A line that cannot be imported, with its 1-based line number. */
    public static final class InvalidLine extends RuntimeException {

        private final int line;

        InvalidLine(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /** Parses and checks every line; throws {@link InvalidLine} at the first wrong one, so nothing half-imports. */
    public static List<RegionEntry> parse(List<String> lines) {
        List<RegionEntry> entries = new ArrayList<>();
        Map<String, RegionEntry> byCode = new HashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!header) {
                if (!line.equals("code,name,level,parent_code")) {
                    throw new InvalidLine(lineNo, "expected the header code,name,level,parent_code");
                }
                header = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 4) {
                throw new InvalidLine(lineNo, "expected 4 cells, found " + cells.length);
            }
            RegionLevel level;
            try {
                level = RegionLevel.valueOf(cells[2].strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidLine(lineNo, "level must be PROVINCE, CITY or DISTRICT");
            }
            String parentCode = cells[3].strip().isEmpty() ? null : cells[3].strip();
            RegionEntry entry = new RegionEntry(cells[0].strip(), cells[1].strip(), level, parentCode);
            RegionEntry parent = parentCode == null ? null : byCode.get(parentCode);
            if (parentCode != null && parent == null) {
                throw new InvalidLine(lineNo, "parent " + parentCode + " is not listed before this line");
            }
            check(entry, parent).ifPresent(message -> {
                throw new InvalidLine(lineNo, message);
            });
            if (byCode.putIfAbsent(entry.code(), entry) != null) {
                throw new InvalidLine(lineNo, "code " + entry.code() + " is listed twice");
            }
            entries.add(entry);
        }
        if (!header) {
            throw new InvalidLine(lines.size(), "no header line code,name,level,parent_code");
        }
        return entries;
    }

    /**
     * What is wrong with a region under its parent (null for a province), if anything: a six-digit code that extends
     * its parent's prefix, a name of 1 to 50 characters, and a level one below the parent's.
     */
    public static Optional<String> check(RegionEntry entry, RegionEntry parent) {
        if (entry.code() == null || !CODE.matcher(entry.code()).matches()) {
            return Optional.of("code must be six digits");
        }
        if (entry.name() == null || entry.name().isBlank() || entry.name().length() > NAME_MAX) {
            return Optional.of("name must have 1 to " + NAME_MAX + " characters");
        }
        if (entry.level() == RegionLevel.PROVINCE) {
            return parent != null || !entry.code().endsWith("0000")
                    ? Optional.of("a province has no parent and a code ending in 0000") : Optional.empty();
        }
        if (parent == null || parent.level().child() != entry.level()) {
            return Optional.of("a " + entry.level() + " needs a parent one level up");
        }
        int shared = parent.level().sharedDigits();
        if (!entry.code().startsWith(parent.code().substring(0, shared))) {
            return Optional.of("code must start with its parent's " + parent.code().substring(0, shared));
        }
        boolean cityShape = entry.code().endsWith("00");
        if ((entry.level() == RegionLevel.CITY) != cityShape) {
            return Optional.of(entry.level() == RegionLevel.CITY ? "a city's code ends in 00"
                    : "a district's code does not end in 00");
        }
        return Optional.empty();
    }
}
