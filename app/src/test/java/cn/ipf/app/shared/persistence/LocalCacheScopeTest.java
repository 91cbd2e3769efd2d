package cn.ipf.app.shared.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ipf.app.testinfra.IntegrationTest;
import cn.ipf.app.user.Role;
import cn.ipf.app.user.UserAccount;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Read, lock, re-read" needs every read in a transaction to reach the database: MyBatis's session cache (scope
 * SESSION) would answer a repeated statement from memory and hide a change another transaction committed meanwhile.
 */
class LocalCacheScopeTest extends IntegrationTest {

    @Autowired
    TransactionTemplate tx;

    @Test
    void aRepeatedReadInOneTransactionSeesWhatAnotherTransactionCommittedMeanwhile() {
        String username = user(Role.ADMIN, null, null, null);
        String[] names = tx.execute(status -> {
            String before = userMapper.findByUsername(username).displayName();
            // another connection (this transaction holds its own) commits a change
            CompletableFuture.runAsync(() -> jdbc.update(
                    "UPDATE app_user SET display_name = 'renamed' WHERE username = ?", username)).join();
            UserAccount again = userMapper.findByUsername(username);
            return new String[] {before, again.displayName()};
        });
        assertThat(names[0]).isNotEqualTo("renamed");
        assertThat(names[1]).isEqualTo("renamed");
    }
}
