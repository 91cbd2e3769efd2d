package cn.ipf.app.creditline;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code credit_line} with its bank's name and member count. */
record CreditLineRow(long id, long bankId, String bankName, String externalId, long productId, Long eventId,
        BigDecimal totalLimit, BigDecimal drawn, LocalDate validFrom, LocalDate validUntil, Instant closedAt,
        int memberCount) {
}
