package cn.ipf.app.compensation;

import cn.ipf.app.region.Region;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.export.Caption;
import cn.ipf.app.shared.export.CodeNames;
import cn.ipf.app.shared.export.Coded;
import cn.ipf.app.shared.export.Column;
import cn.ipf.app.shared.export.TableFile;
import cn.ipf.app.shared.export.Totals;
import cn.ipf.app.shared.time.BusinessCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's ledger (one row per posting) and its payment orders (one row per paid FUND layer: the fund pays the
 * bank) as CSV or XLSX, streamed from a database cursor into a temporary file. The workbook is a report to hand on
 * (the programme, its region, the period from its start to today, Chinese names, thousands separators, a 合计 row);
 * the CSV keeps the codes and plain amounts after one comment line starting with #.
 */
@Service
public class CompensationExports {

    static final List<Column> LEDGER_COLUMNS = List.of(Column.text("凭证号", 8), Column.text("记账日期", 12),
            Column.text("记账时间(UTC)", 20), Column.text("类型", 10), Column.text("摘要", 52),
            Column.text("分录号", 8), Column.text("借方科目代码", 24), Column.text("借方科目", 28),
            Column.text("贷方科目代码", 24), Column.text("贷方科目", 28), Column.amount("金额(元)"),
            Column.text("索赔编号", 10), Column.text("追偿记录", 10));
    static final List<Column> ORDER_COLUMNS = List.of(Column.text("索赔编号", 10), Column.text("银行索赔号", 16),
            Column.text("收款银行", 24), Column.text("贷款编号", 16), Column.text("借款企业", 28),
            Column.text("统一社会信用代码", 22), Column.text("资金账户代码", 18), Column.text("付款资金账户", 24),
            Column.amount("金额(元)"), Column.baseAmount("损失基数L(元)"), Column.text("凭证号", 8),
            Column.text("支付日期", 12));

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final LedgerMapper ledger;
    private final CompensationProgrammes programmes;
    private final Ledger access;
    private final RegionMapper regions;
    private final CodeNames names;
    private final BusinessCalendar calendar;

    CompensationExports(LedgerMapper ledger, CompensationProgrammes programmes, Ledger access, RegionMapper regions,
            CodeNames names, BusinessCalendar calendar) {
        this.ledger = ledger;
        this.programmes = programmes;
        this.access = access;
        this.regions = regions;
        this.names = names;
        this.calendar = calendar;
    }

    /** Writes the file and answers its path; the caller deletes it once sent. */
    @Transactional(readOnly = true)
    Path ledger(long programmeId, boolean xlsx) {
        access.requireReader();
        Caption caption = caption("风险补偿资金总账", programmes.row(programmeId));
        try (Cursor<LedgerMapper.LedgerLine> lines = ledger.ledgerLines(programmeId)) {
            Iterable<List<Object>> rows = () -> stream(lines).map(l -> Arrays.<Object>asList("J" + l.journalId(),
                    l.postedOn().toString(), time(l.postedAt()), names.coded("compensation.journal.", l.kind()),
                    l.memo(), l.postingId(), l.debitCode(), l.debitName(), l.creditCode(), l.creditName(), l.amount(),
                    l.claimId(), l.recoveryId())).iterator();
            return TableFile.write(xlsx, caption, List.of(new TableFile.Sheet("总账", LEDGER_COLUMNS, rows,
                    Totals.grand("笔"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(readOnly = true)
    Path paymentOrders(long programmeId, boolean xlsx) {
        access.requireReader();
        Caption caption = caption("风险补偿支付指令", programmes.row(programmeId));
        try (Cursor<LedgerMapper.PaymentOrderLine> lines = ledger.paymentOrders(programmeId)) {
            Iterable<List<Object>> rows = () -> stream(lines).map(o -> Arrays.<Object>asList("RC" + o.claimId(),
                    o.claimExternalId(), o.bankName(), o.loanRef(), o.enterpriseName(), o.uscc(), o.layerCode(),
                    o.fundName(), o.amount(), o.lossBase(), "J" + o.journalId(),
                    calendar.dateOf(o.paidAt()).toString())).iterator();
            return TableFile.write(xlsx, caption, List.of(new TableFile.Sheet("支付指令", ORDER_COLUMNS, rows,
                    Totals.grand("笔"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The programme, its region, from its start to today, in yuan; data as of today. */
    private Caption caption(String title, CompensationMapper.ProgrammeRow programme) {
        Region region = regions.find(programme.regionCode());
        return new Caption(title + "：" + programme.name(), region == null ? programme.regionCode() : region.name(),
                calendar.dateOf(programme.createdAt()) + " 至 " + calendar.today(), "元", calendar.now(),
                calendar.today());
    }

    /** A posting's time in UTC: ISO-8601 to the microsecond in the CSV, to the second in the workbook. */
    private static Coded time(Instant at) {
        return new Coded(at.toString(), SECONDS.format(at));
    }

    private static <T> Stream<T> stream(Cursor<T> cursor) {
        return StreamSupport.stream(cursor.spliterator(), false);
    }
}
