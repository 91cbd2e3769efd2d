package cn.ipf.app.compensation;

import cn.ipf.app.shared.export.TableFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.ibatis.cursor.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme's ledger (one row per posting) and its payment orders (one row per paid FUND layer: the fund pays the
 * bank) as CSV or XLSX, streamed from a database cursor into a temporary file.
 */
@Service
public class CompensationExports {

    static final List<String> LEDGER_HEADER = List.of("凭证号", "记账日期", "记账时间(UTC)", "类型", "摘要", "分录号",
            "借方科目代码", "借方科目", "贷方科目代码", "贷方科目", "金额(元)", "索赔编号", "追偿记录");
    static final List<String> ORDER_HEADER = List.of("索赔编号", "银行索赔号", "收款银行", "贷款编号", "借款企业",
            "统一社会信用代码", "资金账户代码", "付款资金账户", "金额(元)", "损失基数L(元)", "凭证号", "支付日期");

    private final LedgerMapper ledger;
    private final CompensationProgrammes programmes;
    private final Ledger access;
    private final ZoneId zone;

    CompensationExports(LedgerMapper ledger, CompensationProgrammes programmes, Ledger access,
            ZoneId zone) {
        this.ledger = ledger;
        this.programmes = programmes;
        this.access = access;
        this.zone = zone;
    }

    /** Writes the file and answers its path; the caller deletes it once sent. */
    @Transactional(readOnly = true)
    Path ledger(long programmeId, boolean xlsx) {
        access.requireReader();
        programmes.row(programmeId);
        try (Cursor<LedgerMapper.LedgerLine> lines = ledger.ledgerLines(programmeId)) {
            return TableFile.write(xlsx, "总账", LEDGER_HEADER, () -> stream(lines).map(l -> Arrays.<Object>asList(
                    "J" + l.journalId(), l.postedOn().toString(), l.postedAt().toString(), l.kind(), l.memo(),
                    l.postingId(), l.debitCode(), l.debitName(), l.creditCode(), l.creditName(), l.amount(),
                    l.claimId(), l.recoveryId())).iterator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Transactional(readOnly = true)
    Path paymentOrders(long programmeId, boolean xlsx) {
        access.requireReader();
        programmes.row(programmeId);
        try (Cursor<LedgerMapper.PaymentOrderLine> lines = ledger.paymentOrders(programmeId)) {
            return TableFile.write(xlsx, "支付指令", ORDER_HEADER, () -> stream(lines).map(o -> Arrays.<Object>asList(
                    "RC" + o.claimId(), o.claimExternalId(), o.bankName(), o.loanRef(), o.enterpriseName(), o.uscc(),
                    o.layerCode(), o.fundName(), o.amount(), o.lossBase(), "J" + o.journalId(),
                    LocalDate.ofInstant(o.paidAt(), zone).toString())).iterator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> Stream<T> stream(Cursor<T> cursor) {
        return StreamSupport.stream(cursor.spliterator(), false);
    }
}
