package cn.ipf.app.console;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** 首页 the root, the home page built from every feature's {@link HomePanel}, the 403 and 404 pages. */
@ConsolePage
class HomePages {

    private final AccessPolicy access;
    private final List<HomePanel> panels;

    HomePages(AccessPolicy access, List<HomePanel> panels) {
        this.access = access;
        this.panels = panels;
    }

    @GetMapping("/")
    String root() {
        return "redirect:/console";
    }

    @GetMapping("/console")
    String home(Model model) {
        Caller caller = access.caller();
        model.addAttribute("panels", panels.stream().sorted(Comparator.comparingInt(HomePanel::order))
                .map(p -> p.panel(caller)).flatMap(Optional::stream).toList());
        return "console/home";
    }

    /** Any other console address is the 404 page, as something the caller may not see is (the least specific route). */
    @RequestMapping("/console/**")
    String unknown(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "console/not-found";
    }

    @RequestMapping("/console/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "console/denied";
    }
}
