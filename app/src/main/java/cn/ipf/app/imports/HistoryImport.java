package cn.ipf.app.imports;

import cn.ipf.app.audit.AuditTrail;
import cn.ipf.app.compensation.ImportedCompensation;
import cn.ipf.app.compensation.policy.CompensationCalculator;
import cn.ipf.app.compensation.policy.LayerKind;
import cn.ipf.app.imports.policy.Cells;
import cn.ipf.app.imports.policy.ImportKind;
import cn.ipf.app.imports.policy.ImportProblem;
import cn.ipf.app.library.IpAssetRecords;
import cn.ipf.app.library.MatchProfiles;
import cn.ipf.app.library.policy.CnPatentNumber;
import cn.ipf.app.library.policy.PatentType;
import cn.ipf.app.library.policy.Sector;
import cn.ipf.app.loan.policy.LoanRecordRules;
import cn.ipf.app.security.Actor;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.export.UploadedTable;
import cn.ipf.app.shared.persistence.GeneratedId;
import cn.ipf.app.shared.time.BusinessCalendar;
import cn.ipf.batch.imports.HistoryImports;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 历史数据迁移 the app's side of the history-import job: reads an uploaded file row by row through the same rules
 * live records pass (USCC check character, patent numbers, the loan record rules with the accrual-overlap rule,
 * amounts to the fen), and writes it only when no row has an error. Rows are checked against the platform and
 * against the rows above them in the same file (a duplicate key, an overlapping period).
 */
@Component
class HistoryImport implements HistoryImports {

    private static final Set<String> LEGAL_STATUSES = Set.of("VALID", "LAPSED", "INVALIDATED", "EXPIRED");
    private static final Pattern TRADEMARK_NUMBER = Pattern.compile("[0-9]{1,12}");
    private static final Set<String> ASSET_KINDS = Set.of("PATENT", "TRADEMARK", "GEOGRAPHICAL_INDICATION");
    private static final Set<String> PAYOUT_KINDS = Set.of("INTEREST", "EVALUATION_FEE", "INSURANCE_PREMIUM");

    private final HistoryMapper mapper;
    private final ImportedCompensation compensation;
    private final IpAssetRecords assets;
    private final MatchProfiles profiles;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final ZoneId zone;

    HistoryImport(HistoryMapper mapper, ImportedCompensation compensation, IpAssetRecords assets,
            MatchProfiles profiles, AuditTrail audit, BusinessCalendar calendar, Clock clock, ZoneId zone) {
        this.mapper = mapper;
        this.compensation = compensation;
        this.assets = assets;
        this.profiles = profiles;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
        this.zone = zone;
    }

    /** A file read: its rows as they would be written, and every problem found. */
    private record Read(ImportFileRow file, List<Object> rows, List<ImportProblem> problems) {
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean validate(long fileId) {
        Read read = read(fileId);
        if (read.problems().isEmpty()) {
            return true;
        }
        int seq = 0;
        for (ImportProblem p : read.problems()) {
            mapper.insertError(fileId, ++seq, p);
        }
        mapper.finish(fileId, "REJECTED", read.rows().size(), read.problems().size(), clock.instant());
        audit.recordAs(Actor.SYSTEM, "IMPORT_REJECTED", "IMPORT_FILE", fileId, Map.of("sha256",
                read.file().sha256(), "kind", read.file().kind(), "errors", read.problems().size()));
        return false;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void write(long fileId) {
        ImportKind kind = ImportKind.valueOf(mapper.file(fileId).kind());
        if (kind == ImportKind.INTEREST_PAYMENTS || kind == ImportKind.REPAYMENTS
                || kind == ImportKind.PAID_COMPENSATION) {
            // the loans' row locks, as a live report takes its loan's, and the funds' accounts, as a live payout
            // takes them: a period, repayment, default or payout recorded meanwhile is seen below
            List<Object> rows = read(fileId).rows();
            List<Long> loans = rows.stream().map(r -> r instanceof HistoryRows.Interest i ? i.loanId()
                    : r instanceof HistoryRows.Repayment p ? p.loanId() : ((HistoryRows.Compensation) r).loanId())
                    .distinct().sorted().toList();
            if (!loans.isEmpty()) {
                mapper.lockLoans(loans);
            }
            compensation.lockFunds(rows.stream().filter(HistoryRows.Compensation.class::isInstance)
                    .map(r -> ((HistoryRows.Compensation) r).plan().programmeId()).distinct().toList());
        }
        Read read = read(fileId);
        if (!read.problems().isEmpty()) {
            throw new IllegalStateException("import file " + fileId + " no longer passes validation");
        }
        Instant now = clock.instant();
        String sha = read.file().sha256();
        // whose match profiles the rows change: refreshed once each, after the rows
        List<Long> profiled = new ArrayList<>();
        for (Object row : read.rows()) {
            if (row instanceof HistoryRows.Enterprise e) {
                profiled.add(writeEnterprise(e, sha, now));
            } else if (row instanceof HistoryRows.Patent p) {
                GeneratedId key = new GeneratedId();
                mapper.insertPatent(p, now, key);
                mapper.insertPatentOwner(key.getId(), p.enterpriseId());
                profiled.add(p.enterpriseId());
                imported("PATENT", key.getId(), sha, p.row(), Map.of("applicationNo", p.applicationNo(),
                        "owner", p.enterpriseId()));
            } else if (row instanceof HistoryRows.Trademark t) {
                GeneratedId key = new GeneratedId();
                mapper.insertTrademark(t, now, key);
                profiled.add(t.enterpriseId());
                imported("TRADEMARK", key.getId(), sha, t.row(), Map.of("registrationNo", t.registrationNo(),
                        "niceClass", t.niceClass(), "owner", t.enterpriseId()));
            } else if (row instanceof HistoryRows.Indication g) {
                long id = assets.insertIndication(g.enterpriseId(), g.registrationNo(), g.name(), g.validUntil());
                profiled.add(g.enterpriseId());
                imported("GEOGRAPHICAL_INDICATION", id, sha, g.row(), Map.of("registrationNo", g.registrationNo(),
                        "owner", g.enterpriseId()));
            } else if (row instanceof HistoryRows.Appraisal a) {
                long id = assets.insertAppraisal(a.enterpriseId(), a.assetKind(), a.assetId(), a.appraisedValue(),
                        a.appraiser(), a.reportNo(), a.appraisedOn());
                profiled.add(a.enterpriseId());
                imported("APPRAISAL", id, sha, a.row(), Map.of("assetKind", a.assetKind(), "assetId", a.assetId(),
                        "value", a.appraisedValue().toPlainString(), "reportNo", a.reportNo()));
            } else if (row instanceof HistoryRows.Loan l) {
                writeLoan(l, sha, now);
            } else if (row instanceof HistoryRows.Interest i) {
                mapper.insertInterest(i, now);
                imported("LOAN", i.loanId(), sha, i.row(), Map.of("interestPayment", i.externalId()));
            } else if (row instanceof HistoryRows.Repayment r) {
                mapper.insertRepayment(r, now);
                imported("LOAN", r.loanId(), sha, r.row(), Map.of("repayment", r.externalId(), "amount",
                        r.amount().toPlainString(), "repaidOn", r.repaidOn().toString()));
            } else if (row instanceof HistoryRows.Compensation k) {
                writeCompensation(k, sha);
            } else if (row instanceof HistoryRows.Payout p) {
                mapper.insertPayout(p, fileId, now);
                imported("ENTERPRISE", p.enterpriseId(), sha, p.row(), Map.of("paidSubsidy", p.reference(),
                        "kind", p.kind(), "amount", p.amount().toPlainString(), "capYear", p.capYear()));
            }
        }
        profiles.refresh(profiled);
        mapper.finish(fileId, "IMPORTED", read.rows().size(), 0, now);
    }

    private long writeEnterprise(HistoryRows.Enterprise e, String sha, Instant now) {
        GeneratedId key = new GeneratedId();
        mapper.insertEnterprise(e, now, key);
        Integer ruleSet = mapper.currentRuleSetVersion();
        mapper.insertEntry(key.getId(), e.admittedOn() == null ? "DRAFT" : "ADMITTED",
                e.admittedOn() == null ? null : ruleSet, e.admittedOn(), now);
        if (e.admittedOn() != null) {
            mapper.insertAdmission(key.getId(), ruleSet, "IMPORTED " + sha,
                    e.admittedOn().atStartOfDay(zone).toInstant());
        }
        imported("ENTERPRISE", key.getId(), sha, e.row(), e.admittedOn() == null ? Map.of()
                : Map.of("admittedOn", e.admittedOn().toString()));
        return key.getId();
    }

    private void writeCompensation(HistoryRows.Compensation k, String sha) {
        mapper.markDefaulted(k);
        long claimId = compensation.record(k.plan(), k.bankId(), k.loanId(), k.loanRef(), k.voucher(),
                k.defaultedOn(), k.paidOn(), k.fundPayments(), "[{\"imported\":\"" + sha + "\"}]");
        BigDecimal total = k.fundPayments().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        imported("LOAN", k.loanId(), sha, k.row(), Map.of("defaultedOn", k.defaultedOn().toString(),
                "outstandingPrincipal", k.outstandingAtDefault().toPlainString(), "compensationClaimId", claimId));
        imported("COMPENSATION_CLAIM", claimId, sha, k.row(), Map.of("voucher", k.voucher(), "paidOn",
                k.paidOn().toString(), "fundTotal", total.toPlainString()));
    }

    private void writeLoan(HistoryRows.Loan l, String sha, Instant now) {
        GeneratedId key = new GeneratedId();
        mapper.insertLoan(l, now, key);
        if (l.registrationNo() != null) {
            GeneratedId registration = new GeneratedId();
            mapper.insertRegistration(key.getId(), l, now, registration);
            if (!l.patentIds().isEmpty()) {
                mapper.insertRegistrationPatents(registration.getId(), l.patentIds());
            }
            profiles.refreshPledged(registration.getId());
        }
        imported("LOAN", key.getId(), sha, l.row(), Map.of("externalId", l.externalId()));
    }

    private void imported(String entityType, long id, String sha, int row, Map<String, Object> details) {
        Map<String, Object> changes = new HashMap<>(details);
        changes.put("sha256", sha);
        changes.put("row", row);
        audit.recordAs(Actor.SYSTEM, "IMPORTED", entityType, id, changes);
    }

    private Read read(long fileId) {
        ImportFileRow file = mapper.file(fileId);
        ImportKind kind = ImportKind.valueOf(file.kind());
        List<ImportProblem> problems = new ArrayList<>();
        List<Object> rows = new ArrayList<>();
        byte[] content = mapper.content(fileId).content();
        UploadedTable table = UploadedTable.read(content, file.xlsx()).orElse(null);
        if (table == null) {
            problems.add(new ImportProblem(0, "", "FILE_UNREADABLE", "文件不是可读的 CSV（UTF-8）或 XLSX 工作簿",
                    "the file is neither readable CSV (UTF-8) nor an XLSX workbook"));
            return new Read(file, rows, problems);
        }
        if (!table.header().equals(kind.columns())) {
            problems.add(new ImportProblem(0, "", "HEADER_MISMATCH", "表头应为：" + String.join(",", kind.columns()),
                    "the header must be: " + String.join(",", kind.columns())));
            return new Read(file, rows, problems);
        }
        LocalDate today = calendar.today();
        Seen seen = new Seen();
        for (UploadedTable.Row row : table.rows()) {
            Cells c = new Cells(kind, row, problems);
            int before = problems.size();
            Object parsed = switch (kind) {
                case ENTERPRISES -> enterprise(c, today, seen);
                case IP_ASSETS -> patent(c, today, seen);
                case TRADEMARKS -> trademark(c, seen);
                case GEOGRAPHICAL_INDICATIONS -> indication(c, seen);
                case APPRAISALS -> appraisal(c, today, seen);
                case LOANS -> loan(c, today, seen);
                case INTEREST_PAYMENTS -> interest(c, today, seen);
                case REPAYMENTS -> repayment(c, today, seen);
                case PAID_SUBSIDIES -> payout(c, today, seen);
                case PAID_COMPENSATION -> compensation(c, today, seen);
            };
            if (problems.size() == before && parsed != null) {
                rows.add(parsed);
            }
        }
        if (table.rows().isEmpty()) {
            problems.add(new ImportProblem(0, "", "NO_ROWS", "文件没有数据行", "the file has no data rows"));
        }
        return new Read(file, rows, problems);
    }

    /** Keys met in the rows above, so that the file cannot clash with itself. */
    private static final class Seen {
        final Set<String> keys = new HashSet<>();
        final Map<Long, List<LoanRecordRules.Accrual>> accruals = new HashMap<>();
        /** Principal repaid on each loan so far: on the platform, plus the rows above. */
        final Map<Long, BigDecimal> repaid = new HashMap<>();
        /** Each fund's cash: on the platform, less the payouts above. */
        final Map<Long, BigDecimal> fundCash = new HashMap<>();

        boolean first(String key) {
            return keys.add(key);
        }
    }

    private HistoryRows.Enterprise enterprise(Cells c, LocalDate today, Seen seen) {
        String uscc = c.uscc("uscc");
        if (uscc != null && (mapper.enterpriseByUscc(uscc) != null || !seen.first("uscc:" + uscc))) {
            c.problem("uscc", "USCC_TAKEN", "该统一社会信用代码已登记", "an enterprise with this code is already registered");
        }
        String name = c.text("name", 200);
        String legalRep = c.text("legalRepName", 100);
        String district = c.text("districtCode", 6);
        if (district != null && !mapper.isDistrict(district)) {
            c.problem("districtCode", "DISTRICT_UNKNOWN", "区县代码不属于本地区", "not one of this deployment's districts");
        }
        String industry = c.text("industryCode", 5);
        if (industry != null) {
            try {
                Sector.of(industry);
            } catch (IllegalArgumentException e) {
                c.problem("industryCode", "INDUSTRY_CODE_INVALID", "国民经济行业代码无效（GB/T 4754）",
                        "not a GB/T 4754 industry code");
            }
        }
        Integer employees = c.integer("employees", 0, 10_000_000);
        BigDecimal revenue = c.yuan("annualRevenue", "0");
        BigDecimal assets = c.yuan("totalAssets", "0");
        boolean highTech = c.bool("highTech");
        boolean specialized = c.bool("specializedSme");
        LocalDate admittedOn = c.pastDate("admittedOn", false, today);
        return employees == null ? null : new HistoryRows.Enterprise(c.number(), uscc, name, legalRep, district,
                industry, employees, revenue, assets, highTech, specialized, admittedOn);
    }

    private HistoryRows.Patent patent(Cells c, LocalDate today, Seen seen) {
        Long enterpriseId = enterprise(c);
        String number = c.text("applicationNo", 20);
        String canonical = number == null ? null : CnPatentNumber.normalize(number).orElse(null);
        if (number != null && canonical == null) {
            c.problem("applicationNo", "PATENT_NUMBER_INVALID", "专利申请号格式或校验位错误",
                    "malformed patent number or wrong check digit");
        } else if (canonical != null && (mapper.patentExists(canonical) || !seen.first("patent:" + canonical))) {
            c.problem("applicationNo", "PATENT_ALREADY_REGISTERED", "该专利已在平台上", "the patent is already on the platform");
        }
        String type = c.text("type", 16);
        PatentType patentType = null;
        try {
            patentType = type == null ? null : PatentType.valueOf(type);
        } catch (IllegalArgumentException e) {
            c.problem("type", "TYPE_INVALID", "应为 INVENTION、UTILITY_MODEL 或 DESIGN",
                    "expected INVENTION, UTILITY_MODEL or DESIGN");
        }
        PatentType declared = patentType;
        if (canonical != null && declared != null
                && CnPatentNumber.typeOf(canonical).filter(declared::equals).isEmpty()) {
            c.problem("type", "PATENT_TYPE_MISMATCH", "专利类型与申请号的类型位不符",
                    "the type does not match the application number's type digit");
        }
        String title = c.text("title", 300);
        LocalDate filed = c.pastDate("filingDate", true, today);
        LocalDate granted = c.pastDate("grantDate", false, today);
        LocalDate expiry = c.date("expiryDate", false);
        if (filed != null && granted != null && granted.isBefore(filed)) {
            c.problem("grantDate", "DATE_INVALID", "授权日早于申请日", "grantDate is before filingDate");
        }
        String status = c.text("legalStatus", 16);
        if (status != null && !LEGAL_STATUSES.contains(status)) {
            c.problem("legalStatus", "LEGAL_STATUS_INVALID", "应为 VALID、LAPSED、INVALIDATED 或 EXPIRED",
                    "expected VALID, LAPSED, INVALIDATED or EXPIRED");
        }
        return enterpriseId == null || canonical == null || patentType == null ? null : new HistoryRows.Patent(
                c.number(), enterpriseId, canonical, patentType.name(), title, filed, granted, expiry, status);
    }

    /** The checks of a trademark added live (the contract's number pattern, Nice classes 1–45, one per class). */
    private HistoryRows.Trademark trademark(Cells c, Seen seen) {
        Long enterpriseId = enterprise(c);
        String number = c.text("registrationNo", 12);
        if (number != null && !TRADEMARK_NUMBER.matcher(number).matches()) {
            c.problem("registrationNo", "TRADEMARK_NUMBER_INVALID", "商标注册号应为 1–12 位数字",
                    "a trademark registration number is 1 to 12 digits");
            number = null;
        }
        String name = c.text("markName", 200);
        Integer niceClass = c.integer("niceClass", 1, 45);
        LocalDate validUntil = c.date("validUntil", true);
        if (number != null && niceClass != null && (mapper.trademarkExists(number, niceClass)
                || !seen.first("trademark:" + number + ":" + niceClass))) {
            c.problem("registrationNo", "TRADEMARK_ALREADY_REGISTERED", "该商标（此类别）已在平台上",
                    "the trademark in this class is already on the platform");
        }
        return enterpriseId == null || number == null || niceClass == null ? null : new HistoryRows.Trademark(
                c.number(), enterpriseId, number, name, niceClass, validUntil);
    }

    /** 地理标志 checked as one added live: the contract's lengths, once per enterprise ({@link IpAssetRecords}). */
    private HistoryRows.Indication indication(Cells c, Seen seen) {
        Long enterpriseId = enterprise(c);
        String number = c.text("registrationNo", 40);
        String name = c.text("name", 200);
        LocalDate validUntil = c.date("validUntil", false);
        if (enterpriseId == null || number == null) {
            return null;
        }
        if (assets.indicationConflict(enterpriseId, number).isPresent()
                || !seen.first("indication:" + enterpriseId + ":" + number)) {
            c.problem("registrationNo", ErrorCode.INDICATION_ALREADY_RECORDED.name(), "该企业的此地理标志已在平台上",
                    "the geographical indication is already recorded for this enterprise");
        }
        return new HistoryRows.Indication(c.number(), enterpriseId, number, name, validUntil);
    }

    /**
     * 评估报告 checked as one added live ({@link IpAssetRecords}): the asset, named by its number (a trademark also by
     * its Nice class), is on the platform and held by the enterprise; a report is recorded once per asset; the
     * value is positive yuan within the contract's bound. An appraisal of history is not dated after today.
     */
    private HistoryRows.Appraisal appraisal(Cells c, LocalDate today, Seen seen) {
        Long enterpriseId = enterprise(c);
        String kind = c.text("assetKind", 32);
        if (kind != null && !ASSET_KINDS.contains(kind)) {
            c.problem("assetKind", "ASSET_KIND_INVALID", "应为 PATENT、TRADEMARK 或 GEOGRAPHICAL_INDICATION",
                    "expected PATENT, TRADEMARK or GEOGRAPHICAL_INDICATION");
            kind = null;
        }
        String number = c.text("assetNo", 40);
        if (number != null && "PATENT".equals(kind)) {
            String canonical = CnPatentNumber.normalize(number).orElse(null);
            if (canonical == null) {
                c.problem("assetNo", "PATENT_NUMBER_INVALID", "专利申请号格式或校验位错误",
                        "malformed patent number or wrong check digit");
            }
            number = canonical;
        }
        Integer niceClass = "TRADEMARK".equals(kind) ? c.integer("niceClass", 1, 45) : null;
        BigDecimal value = c.decimal("appraisedValue", 2, new BigDecimal("0.01"), new BigDecimal("100000000000000"));
        String appraiser = c.text("appraiser", 200);
        String reportNo = c.text("reportNo", 64);
        LocalDate appraisedOn = c.pastDate("appraisedOn", true, today);
        if (enterpriseId == null || kind == null || number == null || kind.equals("TRADEMARK") && niceClass == null) {
            return null;
        }
        Long assetId = assets.assetId(enterpriseId, kind, number, niceClass).orElse(null);
        if (assetId == null) {
            c.problem("assetNo", "ASSET_NOT_FOUND", "平台上没有该资产（先导入专利、商标或地理标志）",
                    "no such asset on the platform (import patents, trademarks or geographical indications first)");
            return null;
        }
        if (reportNo == null) {
            return null;
        }
        ErrorCode conflict = assets.appraisalConflict(enterpriseId, kind, assetId, reportNo).orElse(null);
        if (conflict == ErrorCode.ASSET_NOT_OWNED) {
            c.problem("assetNo", conflict.name(), "该资产不属于该企业", "the asset is not held by this enterprise");
        } else if (conflict == ErrorCode.APPRAISAL_DUPLICATE
                || !seen.first("appraisal:" + kind + ":" + assetId + ":" + reportNo)) {
            c.problem("reportNo", ErrorCode.APPRAISAL_DUPLICATE.name(), "该资产的此评估报告已在平台上",
                    "this appraisal report is already recorded for the asset");
        }
        return value == null ? null : new HistoryRows.Appraisal(c.number(), enterpriseId, kind,
                assetId, value, appraiser, reportNo, appraisedOn);
    }

    private HistoryRows.Loan loan(Cells c, LocalDate today, Seen seen) {
        Long bankId = bank(c);
        String externalId = c.text("externalId", 64);
        if (bankId != null && externalId != null
                && (mapper.loanTaken(bankId, externalId) || !seen.first("loan:" + bankId + ":" + externalId))) {
            c.problem("externalId", "EXTERNAL_ID_CONFLICT", "该银行已报送此贷款编号", "the bank already has a loan with this id");
        }
        Long enterpriseId = enterprise(c);
        String contractNo = c.text("contractNo", 64);
        LocalDate signedOn = c.pastDate("signedOn", true, today);
        BigDecimal principal = c.yuan("principal", "0.01");
        BigDecimal rate = c.decimal("annualRate", 6, new BigDecimal("0.000001"), new BigDecimal("0.36"));
        LocalDate maturity = c.date("maturityDate", true);
        BigDecimal ipShare = c.decimal("ipShare", 4, new BigDecimal("0.0001"), BigDecimal.ONE);
        boolean otherFiscal = c.bool("otherFiscalSubsidy");
        LocalDate disbursedOn = c.date("disbursedOn", true);
        BigDecimal disbursed = c.yuan("disbursedAmount", "0.01");
        String registrationNo = c.optional("pledgeRegistrationNo");
        LocalDate registeredOn = c.pastDate("pledgeRegisteredOn", registrationNo != null, today);
        if (registrationNo != null && (mapper.registrationTaken(registrationNo)
                || !seen.first("registration:" + registrationNo))) {
            c.problem("pledgeRegistrationNo", "PLEDGE_REGISTRATION_TAKEN", "质押登记号已存在",
                    "this pledge registration number is already recorded");
        }
        List<Long> patents = new ArrayList<>();
        String pledged = c.optional("pledgedPatents");
        if (pledged != null) {
            if (registrationNo == null) {
                c.problem("pledgeRegistrationNo", "REQUIRED", "出质专利需有质押登记号", "required when patents are pledged");
            }
            for (String number : pledged.split(";")) {
                String canonical = CnPatentNumber.normalize(number.strip()).orElse(null);
                Long patentId = canonical == null || enterpriseId == null ? null
                        : mapper.ownedPatent(enterpriseId, canonical);
                if (canonical == null) {
                    c.problem("pledgedPatents", "PATENT_NUMBER_INVALID", "专利申请号格式或校验位错误：" + number,
                            "malformed patent number or wrong check digit: " + number);
                } else if (patentId == null && enterpriseId != null) {
                    c.problem("pledgedPatents", "PATENT_NOT_OWNED", "专利 " + number + " 不在平台上或不属于该企业",
                            "patent " + number + " is not on the platform or not owned by the enterprise");
                } else if (patentId != null) {
                    patents.add(patentId);
                }
            }
        }
        if (signedOn == null || principal == null || maturity == null || disbursedOn == null || disbursed == null) {
            return null;
        }
        rules(c, LoanRecordRules.contract(signedOn, maturity, principal, principal, null, today));
        LoanRecordRules.Loan facts = new LoanRecordRules.Loan(signedOn, maturity, principal, null, null,
                BigDecimal.ZERO, null, null);
        rules(c, LoanRecordRules.disbursement(facts, disbursedOn, disbursed, today));
        return bankId == null || enterpriseId == null ? null : new HistoryRows.Loan(c.number(), bankId,
                enterpriseId, externalId, contractNo, signedOn, principal, rate, maturity, ipShare, otherFiscal,
                disbursedOn, disbursed, registrationNo, registeredOn, List.copyOf(patents));
    }

    /** The disbursed loan a row of a loan record names (bankCode, loanExternalId), or null with its problem. */
    private ImportedLoanFacts disbursedLoan(Cells c, Long bankId) {
        String loanRef = c.text("loanExternalId", 64);
        ImportedLoanFacts loan = bankId == null || loanRef == null ? null : mapper.loan(bankId, loanRef);
        if (bankId != null && loanRef != null && loan == null) {
            c.problem("loanExternalId", "LOAN_NOT_FOUND", "该银行没有此贷款（先导入贷款）",
                    "the bank has no loan with this id (import loans first)");
        } else if (loan != null && loan.disbursedOn() == null) {
            c.problem("loanExternalId", "LOAN_NOT_DISBURSED", "贷款尚未放款", "the loan is not disbursed");
            return null;
        }
        return loan;
    }

    private HistoryRows.Repayment repayment(Cells c, LocalDate today, Seen seen) {
        Long bankId = bank(c);
        ImportedLoanFacts loan = disbursedLoan(c, bankId);
        String externalId = c.text("externalId", 64);
        if (bankId != null && externalId != null && (mapper.repaymentTaken(bankId, externalId)
                || !seen.first("repayment:" + bankId + ":" + externalId))) {
            c.problem("externalId", "EXTERNAL_ID_CONFLICT", "该银行已报送此还款编号",
                    "the bank already reported a repayment with this id");
        }
        LocalDate on = c.date("repaidOn", true);
        BigDecimal amount = c.yuan("amount", "0.01");
        if (loan == null || on == null || amount == null) {
            return null;
        }
        BigDecimal repaid = seen.repaid.computeIfAbsent(loan.id(), id -> loan.repaid());
        List<LoanRecordRules.Violation> violations = LoanRecordRules.repayment(loan.facts(repaid), on, amount, today);
        rules(c, violations);
        if (violations.isEmpty()) {
            seen.repaid.put(loan.id(), repaid.add(amount));
        }
        return new HistoryRows.Repayment(c.number(), bankId, loan.id(), externalId, on, amount);
    }

    private HistoryRows.Interest interest(Cells c, LocalDate today, Seen seen) {
        Long bankId = bank(c);
        ImportedLoanFacts loan = disbursedLoan(c, bankId);
        String externalId = c.text("externalId", 64);
        if (bankId != null && externalId != null
                && (mapper.interestTaken(bankId, externalId) || !seen.first("interest:" + bankId + ":" + externalId))) {
            c.problem("externalId", "EXTERNAL_ID_CONFLICT", "该银行已报送此付息编号",
                    "the bank already reported an interest payment with this id");
        }
        Integer seq = c.integer("sequenceNo", 1, 10_000);
        LocalDate start = c.date("accrualStart", true);
        LocalDate end = c.date("accrualEnd", true);
        BigDecimal balance = c.yuan("principalBalance", "0");
        BigDecimal interest = c.yuan("interestAmount", "0");
        LocalDate due = c.date("dueDate", true);
        LocalDate paid = c.date("paidDate", true);
        if (loan == null || seq == null || start == null || end == null || balance == null || interest == null
                || due == null || paid == null) {
            return null;
        }
        if (mapper.sequenceTaken(loan.id(), seq) || !seen.first("sequence:" + loan.id() + ":" + seq)) {
            c.problem("sequenceNo", "INTEREST_SEQUENCE_TAKEN", "该贷款已有此期次", "the loan already has this sequence no.");
        }
        rules(c, LoanRecordRules.interestPayment(loan.facts(loan.repaid()), new LoanRecordRules.InterestPayment(start,
                end, balance, interest, due, paid), today));
        List<LoanRecordRules.Accrual> periods = seen.accruals.computeIfAbsent(loan.id(),
                id -> new ArrayList<>(mapper.accrualPeriods(id)));
        if (end.isAfter(start)) {
            LoanRecordRules.overlapping(periods, start, end).ifPresent(earlier -> c.problem("accrualStart",
                    "ACCRUAL_OVERLAP", "付息期间与第 " + earlier.sequenceNo() + " 期（" + earlier.accrualStart() + " 至 "
                            + earlier.accrualEnd() + "，不含止日）重叠：同一天只能计息一次",
                    "the accrual period overlaps period " + earlier.sequenceNo() + " (" + earlier.accrualStart()
                            + " to " + earlier.accrualEnd() + ", end exclusive): a day accrues interest once"));
            periods.add(new LoanRecordRules.Accrual(externalId, seq, start, end));
        }
        return new HistoryRows.Interest(c.number(), bankId, loan.id(), externalId, seq, start, end, balance,
                interest, due, paid);
    }

    private HistoryRows.Payout payout(Cells c, LocalDate today, Seen seen) {
        Long enterpriseId = enterprise(c);
        String kind = c.text("kind", 24);
        if (kind != null && !PAYOUT_KINDS.contains(kind)) {
            c.problem("kind", "KIND_INVALID", "应为 INTEREST、EVALUATION_FEE 或 INSURANCE_PREMIUM",
                    "expected INTEREST, EVALUATION_FEE or INSURANCE_PREMIUM");
        }
        Integer capYear = c.integer("capYear", 2000, today.getYear());
        LocalDate paidOn = c.pastDate("paidOn", true, today);
        BigDecimal amount = c.yuan("amount", "0.01");
        String reference = c.text("reference", 64);
        if (reference != null && (mapper.payoutTaken(reference) || !seen.first("payout:" + reference))) {
            c.problem("reference", "REFERENCE_TAKEN", "该兑付凭证号已导入", "a payout with this reference is already imported");
        }
        return enterpriseId == null || capYear == null ? null : new HistoryRows.Payout(c.number(), enterpriseId,
                kind, capYear, paidOn, amount, reference);
    }

    /**
     * 历史代偿 a payout on a loan that defaulted: the loan defaults by the live rule, the fund layers' amounts add up
     * to fundTotal, none exceeds what the calculator gives its layer (the per-loan fund cap included) and every fund
     * still has the cash, counting the payouts above.
     */
    private HistoryRows.Compensation compensation(Cells c, LocalDate today, Seen seen) {
        Long bankId = bank(c);
        ImportedLoanFacts loan = disbursedLoan(c, bankId);
        LocalDate defaultedOn = c.date("defaultedOn", true);
        BigDecimal outstanding = c.yuan("outstandingAtDefault", "0.01");
        String payments = c.text("fundPayments", 2000);
        BigDecimal total = c.yuan("fundTotal", "0");
        LocalDate paidOn = c.pastDate("paidOn", true, today);
        String voucher = c.text("voucher", 64);
        if (bankId != null && voucher != null && (compensation.claimTaken(bankId, voucher)
                || mapper.defaultTaken(bankId, voucher) || !seen.first("voucher:" + bankId + ":" + voucher))) {
            c.problem("voucher", "EXTERNAL_ID_CONFLICT", "该银行已有此凭证号的代偿或违约记录",
                    "the bank already has a claim or default with this voucher");
        }
        if (loan != null && (!"DISBURSED".equals(loan.status()) || !seen.first("defaulted:" + loan.id()))) {
            c.problem("loanExternalId", "LOAN_NOT_PERFORMING", "只有已放款且未违约、未结清的贷款可以违约",
                    "only a disbursed loan that has not defaulted or closed can default");
            return null;
        }
        if (defaultedOn != null && paidOn != null && paidOn.isBefore(defaultedOn)) {
            c.problem("paidOn", "DATE_INVALID", "代偿日早于违约日", "paidOn is before defaultedOn");
        }
        Map<String, BigDecimal> paid = new LinkedHashMap<>();
        if (payments != null) {
            for (String part : payments.split(";")) {
                String[] codeAmount = part.split(":", 2);
                BigDecimal amount = codeAmount.length < 2 ? null : c.yuanPart("fundPayments", codeAmount[1], "0");
                if (codeAmount.length < 2 || paid.put(codeAmount[0].strip(), amount) != null) {
                    c.problem("fundPayments", "FUND_PAYMENTS_INVALID", "应为“资金层代码:金额”，以分号分隔，每层一次",
                            "expected CODE:amount pairs separated by ';', each layer once");
                }
            }
        }
        if (loan == null || defaultedOn == null || outstanding == null || paid.containsValue(null) || total == null
                || paidOn == null) {
            return null;
        }
        rules(c, LoanRecordRules.defaulted(loan.facts(loan.repaid()), defaultedOn, outstanding, today).stream()
                .map(v -> new LoanRecordRules.Violation(v.field().equals("outstandingPrincipal")
                        ? "outstandingAtDefault" : v.field(), v.message())).toList());
        BigDecimal sum = paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            c.problem("fundTotal", "AMOUNTS_DO_NOT_ADD_UP", "各资金层金额之和为 " + sum.toPlainString() + "，与合计不符",
                    "the fund layers' amounts add up to " + sum.toPlainString() + ", not fundTotal");
        }
        List<Long> programmes = compensation.programmesOfBank(bankId, defaultedOn);
        if (programmes.size() != 1) {
            c.problem("bankCode", "AGREEMENT_NOT_FOUND", "违约日该银行须恰有一个有效的风险补偿合作协议",
                    "the bank needs exactly one risk-compensation agreement active on defaultedOn");
            return null;
        }
        ImportedCompensation.Plan plan = compensation.plan(programmes.get(0), defaultedOn, outstanding,
                mapper.ipShare(loan.id())).orElse(null);
        if (plan == null) {
            c.problem("defaultedOn", "COMPENSATION_RULES_NOT_IN_FORCE", "违约日补偿资金项目尚无生效的规则",
                    "the programme has no rules in force on defaultedOn");
            return null;
        }
        Map<String, BigDecimal> allowed = new HashMap<>();
        for (CompensationCalculator.LayerPayout l : plan.payout().layers()) {
            if (l.layer().kind() == LayerKind.FUND) {
                allowed.put(l.layer().code(), l.amount());
            }
        }
        paid.forEach((code, amount) -> {
            if (!allowed.containsKey(code)) {
                c.problem("fundPayments", "LAYER_UNKNOWN", "规则中没有资金层 " + code,
                        "the programme's rules have no fund layer " + code);
            } else if (amount.compareTo(allowed.get(code)) > 0) {
                c.problem("fundPayments", "COMPENSATION_CAP_EXCEEDED", "资金层 " + code + " 最多可付 "
                        + allowed.get(code).toPlainString() + "（按份额及单笔上限 " + plan.payout().fundCap()
                        .toPlainString() + " 计算）", "fund layer " + code + " may pay at most "
                        + allowed.get(code).toPlainString() + " (its share, within the per-loan cap "
                        + plan.payout().fundCap().toPlainString() + ")");
            } else {
                long fundId = plan.fundIds().get(code);
                BigDecimal cash = seen.fundCash.computeIfAbsent(fundId, plan.fundCash()::get);
                if (amount.compareTo(cash) > 0) {
                    c.problem("fundPayments", "FUNDS_SHORT", "资金账户 " + code + " 余额 " + cash.toPlainString()
                            + " 不足", "fund " + code + " holds only " + cash.toPlainString());
                } else {
                    seen.fundCash.put(fundId, cash.subtract(amount));
                }
            }
        });
        return new HistoryRows.Compensation(c.number(), bankId, loan.id(), c.text("loanExternalId", 64),
                defaultedOn, outstanding, paid, paidOn, voucher, plan);
    }

    private Long bank(Cells c) {
        String code = c.text("bankCode", 12);
        Long id = code == null ? null : mapper.bankByCode(code);
        if (code != null && id == null) {
            c.problem("bankCode", "BANK_NOT_FOUND", "银行代码不存在", "no bank with this code");
        }
        return id;
    }

    private Long enterprise(Cells c) {
        String uscc = c.uscc("uscc");
        Long id = uscc == null ? null : mapper.enterpriseByUscc(uscc);
        if (uscc != null && id == null) {
            c.problem("uscc", "ENTERPRISE_NOT_FOUND", "平台上没有该企业（先导入企业）",
                    "no enterprise with this code on the platform (import enterprises first)");
        }
        return id;
    }

    private static void rules(Cells c, List<LoanRecordRules.Violation> violations) {
        // the disbursement rule names its amount as the bank API does; the loans file's column is disbursedAmount
        violations.forEach(v -> c.problem(v.field().equals("amount") && c.kind() == ImportKind.LOANS
                ? "disbursedAmount" : v.field(),
                "LOAN_RECORD_INVALID", "不符合贷款记录规则：" + v.message(),
                "breaks a loan record rule: " + v.message()));
    }
}
