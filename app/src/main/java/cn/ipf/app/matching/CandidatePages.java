package cn.ipf.app.matching;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.product.ProductRecord;
import cn.ipf.app.shared.web.Pages;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 银企对接 for a bank officer: the candidates of each of the bank's products, ranked, each with the explanation
 * (criteria passed or failed, score parts) and only the data its enterprise consented to share with this bank: the
 * same {@link CandidateSearch} and the same consented view as the bank API ({@link BankCandidateController#toApi}).
 */
@ConsolePage
class CandidatePages implements ConsoleMenu {

    static final String CANDIDATES = "/console/bank/candidates";
    private static final int PAGE_SIZE = 20;

    private final CandidateSearch search;
    private final MatchingMapper mapper;
    private final AccessPolicy access;

    CandidatePages(CandidateSearch search, MatchingMapper mapper, AccessPolicy access) {
        this.search = search;
        this.mapper = mapper;
        this.access = access;
    }

    /** The bank's products; with {@code product}, that product's candidates. */
    @GetMapping(CANDIDATES)
    String candidates(@RequestParam(required = false) Long product, @RequestParam(required = false) Integer page,
            Model model) {
        long bankId = access.ownBank(access.caller());
        List<ProductRecord> products = mapper.activeProducts().stream().filter(p -> p.bankId() == bankId).toList();
        model.addAttribute("products", products);
        Long chosen = product != null ? product : products.isEmpty() ? null : products.get(0).id();
        model.addAttribute("product", chosen);
        if (chosen != null) {
            Pages.Request request = Pages.request(page == null ? null : Math.max(0, page), PAGE_SIZE);
            CandidateSearch.Page found = search.search(bankId, chosen, request);
            model.addAttribute("current", found.product());
            model.addAttribute("candidates", found.items().stream().map(BankCandidateController::toApi).toList());
            // the redacted match as the policy gives it, whose reasons a page can say in its language
            model.addAttribute("matches", found.items().stream().collect(Collectors.toMap(
                    c -> c.card().enterpriseId(), CandidateSearch.Candidate::match)));
            model.addAttribute("total", found.total());
            model.addAttribute("page", request.page());
            model.addAttribute("hasNext", request.offset() + found.items().size() < found.total());
        }
        return "matching/candidates";
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ACT_FOR_BANK) ? List.of(new Item(15, "apps.candidates", CANDIDATES))
                : List.of();
    }
}
