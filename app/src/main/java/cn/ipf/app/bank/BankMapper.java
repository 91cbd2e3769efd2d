package cn.ipf.app.bank;

import cn.ipf.app.shared.persistence.GeneratedId;
import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface BankMapper {

    Bank findBank(long id);

    Bank findBankByCode(String bankCode);

    List<Bank> allBanks();

    void insertBank(@Param("b") Bank bank, @Param("key") GeneratedId key);

    SettlementAccount settlementAccount(long bankId);

    void setSettlementAccount(@Param("bankId") long bankId, @Param("a") SettlementAccount account);

    BankApp findApp(String appId);

    List<BankApp> appsOf(long bankId);

    BankApp lockApp(String appId);

    void insertApp(BankApp app);

    void updateAppEnabled(@Param("appId") String appId, @Param("enabled") boolean enabled);

    List<AppSecret> secretsOf(String appId);

    void insertSecret(@Param("appId") String appId, @Param("ciphertext") String ciphertext,
            @Param("createdAt") Instant createdAt, @Param("key") GeneratedId key);

    void revokeSecret(@Param("id") long id, @Param("at") Instant at);
}
