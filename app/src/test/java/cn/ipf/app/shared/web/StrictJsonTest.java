package cn.ipf.app.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.api.model.DecisionRequest;
import cn.ipf.api.model.LoanContractReport;
import cn.ipf.api.model.LoanProductForm;
import cn.ipf.api.model.NewBank;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/** The API's JSON mapper refuses what it used to coerce, and control characters and absurd dates in the models. */
class StrictJsonTest {

    private static final JsonMapper JSON = strict();

    private static JsonMapper strict() {
        JsonMapper.Builder builder = JsonMapper.builder();
        new StrictJson().strictInput().customize(builder);
        return builder.build();
    }

    private static String refusedPath(String json, Class<?> type) {
        try {
            JSON.readValue(json, type);
        } catch (DatabindException e) {
            return ViolationMessages.path(e);
        }
        throw new AssertionError("accepted: " + json);
    }

    @Test
    void aNumberOrBooleanWhereTheContractSaysStringIsRefused() {
        assertThat(refusedPath("{\"name\":123,\"bankCode\":\"123456789012\"}", NewBank.class)).isEqualTo("name");
        assertThat(refusedPath("{\"name\":1.5}", NewBank.class)).isEqualTo("name");
        assertThat(refusedPath("{\"name\":true}", NewBank.class)).isEqualTo("name");
    }

    @Test
    void aFractionWhereAnIntegerIsMeantAndAStringForANumberAreRefused() {
        assertThat(refusedPath("{\"spreadBpMin\":0.001}", LoanProductForm.class)).isEqualTo("spreadBpMin");
        assertThat(refusedPath("{\"termMonthsMin\":\"12\"}", LoanProductForm.class)).isEqualTo("termMonthsMin");
        assertThat(refusedPath("{\"amountMin\":\"1000\"}", LoanProductForm.class)).isEqualTo("amountMin");
    }

    @Test
    void aDateMustBeAnIsoStringWithinTheSaneRange() {
        assertThat(refusedPath("{\"signedOn\":20260101}", LoanContractReport.class)).isEqualTo("signedOn");
        assertThat(refusedPath("{\"signedOn\":\"0000-01-01\"}", LoanContractReport.class)).isEqualTo("signedOn");
        assertThat(refusedPath("{\"signedOn\":\"1899-12-31\"}", LoanContractReport.class)).isEqualTo("signedOn");
        assertThat(refusedPath("{\"signedOn\":\"2200-01-01\"}", LoanContractReport.class)).isEqualTo("signedOn");
        assertThat(JSON.readValue("{\"signedOn\":\"1900-01-01\"}", LoanContractReport.class).getSignedOn())
                .isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(JSON.readValue("{\"signedOn\":\"2199-12-31\"}", LoanContractReport.class).getSignedOn())
                .isEqualTo(StrictJson.LAST_DATE);
    }

    @Test
    void controlCharactersAreRefusedButLineFeedsInMultiLineFields() {
        for (String control : new String[] {"\\u0000", "\\u0007", "\\u001b", "\\t", "\\n", "\\r", "\\u0085",
            "\\u009f", "\\u007f"}) {
            assertThat(refusedPath("{\"name\":\"a" + control + "b\"}", NewBank.class)).as(control).isEqualTo("name");
        }
        assertThat(JSON.readValue("{\"comment\":\"第一行\\n第二行\"}", DecisionRequest.class).getComment())
                .isEqualTo("第一行\n第二行");
        assertThat(refusedPath("{\"comment\":\"a\\tb\"}", DecisionRequest.class)).isEqualTo("comment");
        assertThat(refusedPath("{\"comment\":\"a\\r\\nb\"}", DecisionRequest.class)).isEqualTo("comment");
        assertThat(JSON.readValue("{\"name\":\"银行 · Bank ✓\"}", NewBank.class).getName()).isEqualTo("银行 · Bank ✓");
    }

    @Test
    void aNullInsideAListIsRefused() {
        assertThat(refusedPath("{\"acceptedCollateral\":[null]}", LoanProductForm.class))
                .isEqualTo("acceptedCollateral[0]");
    }

    @Test
    void internalJsonOutsideTheModelsIsNotPoliced() {
        Map<?, ?> stored = JSON.readValue("{\"summary\":\"a\\tb\",\"on\":\"0001-01-01\"}", Map.class);

        assertThat(stored.get("summary")).isEqualTo("a\tb");
    }
}
