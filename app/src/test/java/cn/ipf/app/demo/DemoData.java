package cn.ipf.app.demo;

import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.app.user.Role;
import cn.ipf.app.user.UserService;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo world into an empty database: the city, districts, banks, products, enterprises, patents and loans
 * from {@code demo/demo-data.sql} (the world the tests share: today's applicants, admitted at start-up), then one
 * user per role and one API app per bank through the real services (so they are audited like any other change), then
 * two years of history through the history import and the API ({@link DemoHistory}), and prints how to use them.
 *
 * <p>Not a {@code @Configuration}: only the demo launcher adds it as a source, so that no other context that scans
 * the test classes (tests, the bootstrap) loads the demo. It talks to the port the web server actually listens on
 * ({@code SERVER_PORT} or {@code --server.port}), and a failure fails the start-up, which stops the web server.
 */
class DemoData {

    static final String PASSWORD = "ipf-demo-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    @Bean
    ApplicationRunner loadDemoData(DataSource dataSource, UserService users, BankRegistry banks,
            BusinessCalendar calendar, ApplicationContext context) {
        return (ApplicationArguments args) -> {
            // the runner runs once the server listens, so its port is known here (not when the bean is made)
            if (!(context instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
                throw new IllegalStateException("the demo needs the web server: it loads part of its data over HTTP");
            }
            int port = web.getWebServer().getPort();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            List<String> lines = new ArrayList<>();
            if (jdbc.queryForObject("SELECT COUNT(*) FROM region", Integer.class) == 0) {
                new ResourceDatabasePopulator(new ClassPathResource("demo/demo-data.sql")).execute(dataSource);
                account(users, lines, "admin", "平台管理员", Role.ADMIN, null, null, null);
                account(users, lines, "regulator", "市市场监管局监管员", Role.REGULATOR, null, null, null);
                account(users, lines, "city-reviewer", "市级审核员", Role.CITY_REVIEWER, null, null, null);
                account(users, lines, "shinan-reviewer", "市南区审核员", Role.DISTRICT_REVIEWER, null, null, "370202");
                account(users, lines, "huangdao-reviewer", "黄岛区审核员", Role.DISTRICT_REVIEWER, null, null,
                        "370211");
                account(users, lines, "qdbank-officer", "青岛银行客户经理", Role.BANK_OFFICER, null, 1L, null);
                account(users, lines, "sme-1", "企业 1 经办人", Role.SME, 1L, null, null);
                List<BankRegistry.IssuedSecret> apps = new ArrayList<>();
                for (long bankId : new long[] {1, 2}) {
                    BankRegistry.IssuedSecret app = banks.createApp(bankId, "demo app of bank " + bankId, null);
                    apps.add(app);
                    lines.add(String.format("  bank %d API app: app_id=%s secret=%s", bankId, app.appId(),
                            app.secret()));
                }
                String base = "http://localhost:" + port;
                lines.add("  admitted to the project library today: " + admitSome(jdbc, base));
                lines.add("  enterprise 1 shares its data with all banks and applied to product 1: "
                        + require(applyAsSme(base), "the demo application of enterprise 1"));
                DemoClient client = new DemoClient(base);
                DemoHistory history = new DemoHistory(client, jdbc, calendar.today());
                lines.add("  LPR entered by the admin: " + history.lprMonths());
                String admin = client.signIn("admin", PASSWORD);
                long subsidyProgramme = client.call(admin, "POST", "/api/v1/admin/subsidy-programmes", """
                        {"name":"青岛市知识产权质押贷款贴息","regionCode":"370200","budget":5000000,
                         "periodStart":"2024-01-01","periodEnd":"2026-12-31"}""").get("programmeId").asLong();
                JsonNode compensationProgramme = client.call(admin, "POST", "/api/v1/admin/compensation-programmes",
                        """
                        {"name":"青岛市知识产权质押融资风险补偿","regionCode":"370200","effectiveFrom":"2024-01-01"}""");
                lines.add("  the city's subsidy programme " + subsidyProgramme + " and compensation programme "
                        + compensationProgramme.get("programmeId").asLong());
                lines.add("  history imported (demo/history/*.csv): " + history.importHistory());
                lines.addAll(history.smeAccounts(users));
                lines.add("  " + history.subsidies(subsidyProgramme));
                lines.add("  compensation: " + history.compensation(compensationProgramme, apps.get(0).appId(),
                        apps.get(0).secret()));
                lines.add("  monthly report generated for " + history.monthlyReport());
            } else {
                lines.add("  (database already had data; demo accounts unchanged)");
            }
            log.info("""

                    ==== IP Pledge Finance demo is up ====
                      Web console (网上服务大厅): http://localhost:{}/  (e.g. sme-1, shinan-reviewer)
                      Swagger UI: http://localhost:{}/swagger-ui.html
                      Demo accounts (password for all: {}):
                    {}
                    """, port, port, PASSWORD, String.join("\n", lines));
        };
    }

    /** A step the demo cannot do without: failing it fails the start-up instead of leaving half a demo. */
    private static boolean require(boolean done, String what) {
        if (!done) {
            throw new IllegalStateException("demo data not loaded: " + what + " was refused");
        }
        return true;
    }

    /**
     * Walks the enterprises of two districts through the two-level admission over the real API, as the demo
     * reviewers would; those failing a screening gate stay where they are.
     */
    private static List<Long> admitSome(JdbcTemplate jdbc, String base) {
        DemoClient client = new DemoClient(base);
        String city = client.signIn("city-reviewer", PASSWORD);
        List<Long> admitted = new ArrayList<>();
        for (String[] district : new String[][] {{"370202", "shinan-reviewer"}, {"370211", "huangdao-reviewer"}}) {
            String reviewer = client.signIn(district[1], PASSWORD);
            for (Long id : jdbc.queryForList("SELECT id FROM enterprise WHERE district_code = ? ORDER BY id",
                    Long.class, district[0])) {
                String path = "/api/v1/library/enterprises/" + id;
                client.post(reviewer, path + "/credit-ratings",
                        "{\"rating\":\"AA\",\"source\":\"演示评级\",\"ratedOn\":\"2026-06-30\"}");
                boolean ok = client.post(reviewer, path + "/submission", "{}")
                        && client.post(reviewer, path + "/decisions", "{\"action\":\"DISTRICT_APPROVE\"}")
                        && client.post(city, path + "/decisions", "{\"action\":\"CITY_APPROVE\"}");
                if (ok) {
                    admitted.add(id);
                }
            }
        }
        admitted.stream().limit(2).forEach(id ->
                client.post(city, "/api/v1/library/enterprises/" + id + "/recommendation", null));
        return admitted;
    }

    /** sme-1 consents to share with every partner bank and applies to 知易贷 with its unpledged utility model. */
    private static boolean applyAsSme(String base) {
        DemoClient client = new DemoClient(base);
        String sme = client.signIn("sme-1", PASSWORD);
        return client.post(sme, "/api/v1/library/enterprises/1/consents", "{}")
                && client.post(sme, "/api/v1/library/enterprises/1/loan-applications", """
                        {"productId":1,"amount":1000000,"termMonths":12,"purpose":"水下机器人量产备料",
                         "assets":[{"kind":"PATENT","id":3}]}""");
    }

    private static void account(UserService users, List<String> lines, String username, String name, Role role,
            Long enterpriseId, Long bankId, String district) {
        users.create(new UserService.NewAccount(username, PASSWORD, name, role, enterpriseId, bankId, district));
        lines.add(String.format("  %-18s %s", username, role));
    }
}
