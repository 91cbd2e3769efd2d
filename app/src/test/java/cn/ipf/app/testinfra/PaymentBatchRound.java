package cn.ipf.app.testinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * 兑付 in tests: a payment batch of a compensation programme's payable payouts and the bank's result file saying every
 * line PAID, through HTTP as a city reviewer or admin does it. Compensation is paid only this way.
 */
public final class PaymentBatchRound {

    public static final String BATCHES = "/api/v1/subsidy/payment-batches";
    public static final String RESULT_HEADER = "行号,申报编号,金额(元),结果,入账日期,银行流水号,失败原因";

    private PaymentBatchRound() {
    }

    /** Sets the bank's settlement account (the payee of its compensation payouts). */
    public static void settlementAccount(Http admin, long bankId, String number) {
        Http.Response r = admin.put("/api/v1/admin/banks/" + bankId + "/settlement-account", Map.of("name",
                "合作银行清算账户", "bank", "青岛银行营业部", "number", number));
        assertThat(r.status()).as("settlement account: %s", r).isEqualTo(200);
    }

    /** Pays every payable payout of the programme through one batch; answers the settled batch, or null if none. */
    public static JsonNode payCompensation(Http payer, long compensationProgrammeId, LocalDate valueDate) {
        Http.Response made = payer.post(BATCHES, Map.of("compensationProgrammeId", compensationProgrammeId));
        if (made.status() == 409 && "NOTHING_TO_PAY".equals(made.code())) {
            return null;
        }
        assertThat(made.status()).as("batch: %s", made).isEqualTo(201);
        JsonNode batch = made.json();
        StringBuilder csv = new StringBuilder(RESULT_HEADER).append("\r\n");
        for (JsonNode line : batch.get("lines")) {
            csv.append(line.get("lineNo").asInt()).append(',').append(line.get("claimReference").asString())
                    .append(',').append(line.get("amount").decimalValue().toPlainString()).append(",PAID,")
                    .append(valueDate).append(",BK-").append(batch.get("batchId").asLong()).append('-')
                    .append(line.get("lineNo").asInt()).append(",\r\n");
        }
        return upload(payer, batch.get("batchId").asLong(), csv.toString());
    }

    /** Imports a CSV result file into the batch; asserts it was accepted. */
    public static JsonNode upload(Http payer, long batchId, String csv) {
        Http.Response r = payer.header("Content-Type", "application/octet-stream").send("POST", BATCHES + "/"
                + batchId + "/result?format=csv", csv);
        assertThat(r.status()).as("result: %s", r).isEqualTo(200);
        return r.json();
    }
}
