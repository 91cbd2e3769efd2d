package cn.ipf.app.matching;

import cn.ipf.api.model.MatchCriterion;
import cn.ipf.api.model.MatchScorePart;
import cn.ipf.api.model.ProductMatch;
import cn.ipf.api.server.MatchingApi;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MatchingController implements MatchingApi {

    private final ProductMatches matches;

    MatchingController(ProductMatches matches) {
        this.matches = matches;
    }

    @Override
    public ResponseEntity<List<ProductMatch>> matchProducts(Long enterpriseId) {
        return ResponseEntity.ok(matches.forEnterprise(enterpriseId).stream().map(r -> new ProductMatch()
                .productId(r.product().id())
                .productCode(r.product().productCode())
                .version(r.product().version())
                .bankId(r.product().bankId())
                .bankName(r.bankName())
                .productName(r.product().name())
                .eligible(r.match().eligible())
                .criteria(r.match().criteria().stream().map(c -> new MatchCriterion().name(c.name())
                        .passed(c.passed()).reason(c.reason())).toList())
                .score(r.match().score().stream().map(s -> new MatchScorePart().name(s.name()).points(s.points())
                        .maxPoints(s.maxPoints()).basis(s.basis())).toList())
                .total(r.match().total())).toList());
    }
}
