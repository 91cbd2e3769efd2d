package cn.ipf.app.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.sdk.api.BankProductsApi;
import cn.ipf.sdk.model.CollateralKind;
import cn.ipf.sdk.model.CreditRating;
import cn.ipf.sdk.model.LoanProduct;
import cn.ipf.sdk.model.LoanProductForm;
import cn.ipf.sdk.model.ProductStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Loan products as a bank publishes and changes them through the SDK: versions, withdrawal, checks, isolation. */
class BankProductsTest extends IntegrationTest {

    private static LoanProductForm form(String name) {
        return new LoanProductForm()
                .name(name)
                .amountMin(new BigDecimal("500000"))
                .amountMax(new BigDecimal("10000000.00"))
                .termMonthsMin(6)
                .termMonthsMax(36)
                .spreadBpMin(30)
                .spreadBpMax(150)
                .maxPledgeRate(new BigDecimal("0.5"))
                .acceptedCollateral(new java.util.LinkedHashSet<>(List.of(CollateralKind.INVENTION, CollateralKind.UTILITY_MODEL)))
                .targetDistrictCodes(List.of("370202", "370211"))
                .targetIndustryPrefixes(List.of("C37", "I65"))
                .minCreditRating(CreditRating.A)
                .minValidInventionPatents(1)
                .insuranceRequired(true)
                .windowStart(LocalDate.of(2026, 1, 1));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aProductChangesByVersionsAndWithdrawalEndsIt() throws Exception {
        String admin = adminToken();
        long bankId = bank(admin);
        BankProductsApi products = new BankProductsApi(sdk(app(admin, bankId, null)));

        LoanProduct v1 = products.publishProduct(key(), form(unique("知易贷")));
        assertThat(v1.getVersion()).isEqualTo(1);
        assertThat(v1.getStatus()).isEqualTo(ProductStatus.ACTIVE);
        assertThat(v1.getBankId()).isEqualTo(bankId);
        assertThat(v1.getAmountMin()).isEqualByComparingTo("500000.00");
        assertThat(v1.getTargetIndustryPrefixes()).containsExactly("C37", "I65");
        assertThat(v1.getAcceptedCollateral()).containsExactlyInAnyOrder(CollateralKind.INVENTION,
                CollateralKind.UTILITY_MODEL);

        LoanProduct v2 = products.reviseProduct(v1.getProductId(), key(),
                form(v1.getName()).maxPledgeRate(new BigDecimal("0.6")).minCreditRating(null));
        assertThat(v2.getProductCode()).isEqualTo(v1.getProductCode());
        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getMaxPledgeRate()).isEqualByComparingTo("0.6");
        assertThat(v2.getMinCreditRating()).isNull();
        // the version an application was made on stays as it was
        LoanProduct oldVersion = products.getProduct(v1.getProductId());
        assertThat(oldVersion.getStatus()).isEqualTo(ProductStatus.SUPERSEDED);
        assertThat(oldVersion.getMaxPledgeRate()).isEqualByComparingTo("0.5");
        assertThat(products.listProducts()).extracting(LoanProduct::getProductId).containsExactly(v2.getProductId());

        LoanProduct withdrawn = products.withdrawProduct(v1.getProductId(), key());
        assertThat(withdrawn.getProductId()).isEqualTo(v2.getProductId());
        assertThat(withdrawn.getStatus()).isEqualTo(ProductStatus.WITHDRAWN);
        assertThat(problemCode(() -> products.reviseProduct(v2.getProductId(), key(), form("again"))))
                .isEqualTo("PRODUCT_WITHDRAWN");
        assertThat(problemCode(() -> products.withdrawProduct(v2.getProductId(), key())))
                .isEqualTo("PRODUCT_WITHDRAWN");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE entity_type = 'LOAN_PRODUCT'"
                + " AND entity_id IN (?, ?) ORDER BY id", String.class, v1.getProductId().toString(),
                v2.getProductId().toString())).containsExactly("PRODUCT_PUBLISHED", "PRODUCT_REVISED",
                        "PRODUCT_WITHDRAWN");
    }

    @Test
    void inconsistentTermsAreRefusedWithNothingWritten() throws Exception {
        String admin = adminToken();
        BankProductsApi products = new BankProductsApi(sdk(app(admin, bank(admin), null)));
        long before = count("loan_product");

        assertThat(problemCode(() -> products.publishProduct(key(), form("x")
                .amountMin(new BigDecimal("2000000")).amountMax(new BigDecimal("1000000")))))
                .isEqualTo("PRODUCT_TERMS_INVALID");
        assertThat(problemCode(() -> products.publishProduct(key(), form("x")
                .windowEnd(LocalDate.of(2025, 12, 31))))).isEqualTo("PRODUCT_TERMS_INVALID");
        assertThat(problemCode(() -> products.publishProduct(key(), form("x")
                .targetDistrictCodes(List.of("110101"))))).isEqualTo("DISTRICT_UNKNOWN");
        assertThat(problemCode(() -> products.publishProduct(key(), form("x").acceptedCollateral(java.util.Set.of()))))
                .isEqualTo("VALIDATION_FAILED");
        assertThat(problemCode(() -> products.publishProduct(key(), form("x")
                .maxPledgeRate(new BigDecimal("1.5"))))).isEqualTo("VALIDATION_FAILED");
        assertThat(count("loan_product")).isEqualTo(before);
    }

    @Test
    void aBankSeesAndChangesOnlyItsOwnProducts() throws Exception {
        String admin = adminToken();
        BankProductsApi bankA = new BankProductsApi(sdk(app(admin, bank(admin), null)));
        BankProductsApi bankB = new BankProductsApi(sdk(app(admin, bank(admin), null)));
        LoanProduct ofA = bankA.publishProduct(key(), form(unique("A")));

        assertThat(problemCode(() -> bankB.getProduct(ofA.getProductId()))).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(problemCode(() -> bankB.reviseProduct(ofA.getProductId(), key(), form("taken"))))
                .isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(problemCode(() -> bankB.withdrawProduct(ofA.getProductId(), key())))
                .isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(bankB.listProducts()).isEmpty();
        assertThat(bankA.getProduct(ofA.getProductId()).getStatus()).isEqualTo(ProductStatus.ACTIVE);
    }
}
