package cn.ipf.app.subsidy;

import cn.ipf.app.library.LibraryAccess;
import cn.ipf.app.shared.export.Csv;
import cn.ipf.app.subsidy.policy.ClaimStatus;
import cn.ipf.app.user.Role;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.cursor.Cursor;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 支付清单 the treasury's payment orders of a programme: one row per claim in a status (city-approved claims await
 * payment), written row by row from a streaming cursor into a temporary file, so memory stays bounded whatever the
 * number of claims. CSV is RFC 4180 UTF-8 with a byte-order mark (for Excel); XLSX is written by fastexcel, flushed
 * every 1 000 rows.
 */
@Service
public class PaymentOrders {

    static final List<String> HEADER = List.of("申报编号", "补贴项目", "补贴类型", "企业名称", "统一社会信用代码",
            "所属区县", "收款户名", "开户银行", "收款账号", "金额(元)", "市级审核日期", "支付凭证号", "支付日期");
    private static final int AMOUNT_COLUMN = 9;

    private final ClaimMapper claims;
    private final Programmes programmes;
    private final LibraryAccess access;
    private final ZoneId zone;

    PaymentOrders(ClaimMapper claims, Programmes programmes, LibraryAccess access,
            @Value("${ipf.time-zone:Asia/Shanghai}") String zone) {
        this.claims = claims;
        this.programmes = programmes;
        this.access = access;
        this.zone = ZoneId.of(zone);
    }

    /** Writes the file and answers its path; the caller deletes it once sent. */
    @Transactional(readOnly = true)
    Path export(long programmeId, ClaimStatus status, boolean xlsx) {
        access.requireRole(access.caller(), Role.CITY_REVIEWER, Role.REGULATOR, Role.ADMIN);
        programmes.get(programmeId);
        Path file = null;
        try {
            file = Files.createTempFile("payment-orders-", xlsx ? ".xlsx" : ".csv");
            try (OutputStream out = Files.newOutputStream(file);
                    Cursor<ClaimMapper.PaymentOrderRow> rows = claims.paymentOrders(programmeId, status.name())) {
                if (xlsx) {
                    writeXlsx(out, rows);
                } else {
                    writeCsv(out, rows);
                }
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private List<String> cells(ClaimMapper.PaymentOrderRow r) {
        List<String> cells = new ArrayList<>(HEADER.size());
        cells.add("SC" + r.claimId());
        cells.add(r.programmeName());
        cells.add(r.kind());
        cells.add(r.enterpriseName());
        cells.add(r.uscc());
        cells.add(r.districtCode() + " " + r.districtName());
        cells.add(nullToEmpty(r.accountName()));
        cells.add(nullToEmpty(r.accountBank()));
        cells.add(nullToEmpty(r.accountNo()));
        cells.add(r.totalAmount().toPlainString());
        cells.add(r.cityApprovedAt() == null ? "" : LocalDate.ofInstant(r.cityApprovedAt(), zone).toString());
        cells.add(nullToEmpty(r.voucherNo()));
        cells.add(r.paidOn() == null ? "" : r.paidOn().toString());
        return cells;
    }

    private void writeCsv(OutputStream out, Cursor<ClaimMapper.PaymentOrderRow> rows) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write(Csv.BOM);
        Csv.line(w, HEADER);
        for (ClaimMapper.PaymentOrderRow r : rows) {
            Csv.line(w, cells(r));
        }
        w.flush();
    }

    private void writeXlsx(OutputStream out, Cursor<ClaimMapper.PaymentOrderRow> rows) throws IOException {
        Workbook workbook = new Workbook(out, "IPF", "1.0");
        Worksheet sheet = workbook.newWorksheet("支付清单");
        for (int c = 0; c < HEADER.size(); c++) {
            sheet.value(0, c, HEADER.get(c));
        }
        int r = 1;
        for (ClaimMapper.PaymentOrderRow row : rows) {
            List<String> cells = cells(row);
            for (int c = 0; c < cells.size(); c++) {
                if (c == AMOUNT_COLUMN) {
                    // a number the treasury can sum; BigDecimal keeps it exact to the fen
                    sheet.value(r, c, row.totalAmount());
                } else {
                    sheet.value(r, c, cells.get(c));
                }
            }
            if (r % 1000 == 0) {
                sheet.flush();
            }
            r++;
        }
        workbook.finish();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
