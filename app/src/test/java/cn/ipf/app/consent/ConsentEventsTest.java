package cn.ipf.app.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.bank.Bank;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.consent.policy.DataScope;
import cn.ipf.app.library.EnterpriseRecord;
import cn.ipf.app.library.LibraryAccess;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.user.Role;
import cn.ipf.app.webhook.WebhookEventType;
import cn.ipf.app.webhook.WebhookOutbox;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Consent events for banks' webhooks: a consent to one bank tells that bank, a consent to all partner banks tells
 * each of them once, with what the bank may now see. (The outbox's own storage and delivery are tested with it.)
 */
class ConsentEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-22T01:00:00Z");
    private static final long ENTERPRISE = 7;

    private final ConsentMapper mapper = mock(ConsentMapper.class);
    private final LibraryAccess access = mock(LibraryAccess.class);
    private final BankRegistry banks = mock(BankRegistry.class);
    private final WebhookOutbox outbox = mock(WebhookOutbox.class);
    private final ConsentService service = new ConsentService(mapper, access, banks, mock(AuditTrail.class), outbox,
            mock(ApplicationEventPublisher.class), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void anSmeAndThreeBanks() {
        LibraryAccess.Caller sme = new LibraryAccess.Caller(70, Role.SME, ENTERPRISE, null);
        when(access.caller()).thenReturn(sme);
        when(access.visible(sme, ENTERPRISE)).thenReturn(new EnterpriseRecord(ENTERPRISE, "91370211MA0000000X",
                "青岛测试科技有限公司", "张建华", null, "370211", "C3736", 50, BigDecimal.TEN, BigDecimal.TEN, true, true,
                null, null, NOW, NOW, "ADMITTED", 60, 1, null, null, false, null, false, true));
        when(banks.banks()).thenReturn(List.of(new Bank(1L, "甲银行", "100000000001", NOW),
                new Bank(2L, "乙银行", "100000000002", NOW), new Bank(3L, "丙银行", "100000000003", NOW)));
        when(banks.bank(anyLong())).thenAnswer(i -> Optional.of(new Bank(i.getArgument(0), "x", "1", NOW)));
    }

    private void stored(long id, long bankScope, String scopes, Instant revokedAt) {
        ConsentMapper.ConsentRow row = new ConsentMapper.ConsentRow(id, ENTERPRISE, bankScope, scopes,
                revokedAt == null ? 1 : null, NOW, revokedAt);
        when(mapper.find(id)).thenReturn(row);
        when(mapper.lock(ENTERPRISE, id)).thenReturn(row);
    }

    @Test
    void aConsentToAllBanksIsPublishedOncePerBank() {
        when(mapper.sharedWith(anyLong(), eq(ENTERPRISE))).thenReturn(List.of("PROFILE,CREDIT"));
        org.mockito.Mockito.doAnswer(i -> {
            i.<GeneratedId>getArgument(5).setId(40L);
            return null;
        }).when(mapper).insert(eq(ENTERPRISE), eq(0L), eq("PROFILE,CREDIT"), any(), eq(70L), any());
        stored(40, 0, "PROFILE,CREDIT", null);

        service.grant(ENTERPRISE, null, List.of(DataScope.CREDIT));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> data = ArgumentCaptor.forClass(Map.class);
        for (long bank : List.of(1L, 2L, 3L)) {
            verify(outbox).publish(eq(bank), eq(WebhookEventType.CONSENT_GRANTED), data.capture());
        }
        assertThat(data.getAllValues()).hasSize(3).allSatisfy(d -> {
            assertThat(d).containsEntry("enterpriseId", ENTERPRISE).containsEntry("consentId", 40L)
                    .containsEntry("allBanks", true).containsEntry("enterpriseName", "青岛测试科技有限公司")
                    .containsEntry("admitted", true).containsEntry("scopes", List.of("PROFILE", "CREDIT"))
                    .containsEntry("sharedScopes", List.of("PROFILE", "CREDIT"));
        });
    }

    @Test
    void aRevocationTellsTheBankWhetherAnotherConsentStillShares() {
        stored(41, 2, "PROFILE,IP_ASSETS", NOW);
        when(mapper.sharedWith(2L, ENTERPRISE)).thenReturn(List.of("PROFILE,FINANCING_DEMAND"));
        when(mapper.lock(ENTERPRISE, 41L)).thenReturn(new ConsentMapper.ConsentRow(41, ENTERPRISE, 2,
                "PROFILE,IP_ASSETS", 1, NOW, null));

        service.revoke(ENTERPRISE, 41);

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> data = ArgumentCaptor.forClass(Map.class);
        verify(outbox).publish(eq(2L), eq(WebhookEventType.CONSENT_REVOKED), data.capture());
        verify(outbox, never()).publish(eq(1L), any(), any());
        assertThat(data.getValue()).containsEntry("consentId", 41L).containsEntry("allBanks", false)
                .containsEntry("stillShared", true)
                .containsEntry("sharedScopes", List.of("PROFILE", "FINANCING_DEMAND"))
                .containsEntry("at", "2026-11-22T01:00:00Z");
    }

    @Test
    void nothingIsPublishedForARefusedGrant() {
        when(mapper.standing(ENTERPRISE, 2)).thenReturn(true);
        try {
            service.grant(ENTERPRISE, 2L, null);
        } catch (RuntimeException expected) {
            assertThat(expected).hasMessageContaining("CONSENT_ALREADY_GIVEN");
        }
        verify(outbox, never()).publish(anyLong(), any(), any());
        verify(mapper, never()).insert(anyLong(), anyLong(), anyString(), any(), anyLong(), any());
    }
}
