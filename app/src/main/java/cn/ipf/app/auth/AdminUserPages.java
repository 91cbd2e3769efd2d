package cn.ipf.app.auth;

import cn.ipf.api.model.NewUser;
import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.bank.Bank;
import cn.ipf.app.bank.BankRegistry;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.region.Region;
import cn.ipf.app.region.RegionMapper;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.error.ErrorCode;
import cn.ipf.app.shared.web.Pages;
import cn.ipf.app.user.Role;
import cn.ipf.app.user.UserAccount;
import cn.ipf.app.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * 用户与角色 in the administrator's console: users found by name and role, a new user bound to what its role requires
 * (企业 an enterprise, 银行客户经理 a bank, 区县审核员 a district), a sign-in lockout cleared, a user disabled or enabled
 * again, a password reset to a temporary one shown once (no-store, as a bank app's secret). The same
 * {@link UserService} as the API, with the contract's constraints on the form ({@link NewUser}). Here rather than in
 * {@code user}, which the access rules build on.
 */
@ConsolePage
class AdminUserPages implements ConsoleMenu {

    static final String USERS = "/console/admin/users";
    private static final Set<String> DONE = Set.of("created", "unlocked", "enabled", "disabled");

    private final UserService users;
    private final BankRegistry banks;
    private final RegionMapper regions;
    private final AccessPolicy access;
    private final ConsoleForms forms;

    AdminUserPages(UserService users, BankRegistry banks, RegionMapper regions, AccessPolicy access,
            ConsoleForms forms) {
        this.users = users;
        this.banks = banks;
        this.regions = regions;
        this.access = access;
        this.forms = forms;
    }

    /** What is searched for: part of a name, a role (both optional), and the page. */
    record Search(String q, Role role, int page) {
    }

    /** {@code done} (created, unlocked, enabled, disabled) with {@code user}: what was just done, to whom. */
    @GetMapping(USERS)
    String users(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String done,
            @RequestParam(required = false) String user, Model model) {
        admin();
        model.addAttribute("done", done == null || !DONE.contains(done) ? null : done);
        model.addAttribute("doneUser", user);
        return users(new Search(q, role(role), Math.max(page, 0)), model, new NewUser(), FormErrors.none());
    }

    @PostMapping(USERS)
    String create(@ModelAttribute("form") NewUser form, BindingResult binding, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        admin();
        onlyTheRolesBinding(form);
        return forms.submit(request, response, form, binding, () -> {
            UserAccount created = users.create(new UserService.NewAccount(form.getUsername(), form.getPassword(),
                    form.getDisplayName(), Role.valueOf(form.getRole().getValue()), form.getEnterpriseId(),
                    form.getBankId(), form.getDistrictCode()));
            return "redirect:" + found(created) + "&done=created";
        }, errors -> {
            // a password is never sent back to the browser
            form.setPassword(null);
            return users(new Search(null, null, 0), model, form, errors);
        });
    }

    /** 解除锁定 clears the lockout that repeated wrong passwords set. */
    @PostMapping(USERS + "/{userId}/unlock")
    String unlock(@PathVariable long userId, HttpServletRequest request, HttpServletResponse response, Model model) {
        admin();
        UserAccount user = user(userId);
        return forms.step(() -> users.unlock(userId), found(user) + "&done=unlocked", null, request, response,
                errors -> users(new Search(user.username(), null, 0), model, new NewUser(), errors));
    }

    /** 停用 or 启用: the service refuses an administrator's own account. */
    @PostMapping(USERS + "/{userId}/enabled")
    String setEnabled(@PathVariable long userId, @RequestParam boolean enabled, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        admin();
        UserAccount user = user(userId);
        return forms.step(() -> users.setEnabled(userId, enabled), found(user) + "&done="
                + (enabled ? "enabled" : "disabled"), null, request, response,
                errors -> users(new Search(user.username(), null, 0), model, new NewUser(), errors));
    }

    /** 重置密码: the temporary password is on the page that answers, once, and kept by no cache. */
    @PostMapping(USERS + "/{userId}/password-reset")
    String resetPassword(@PathVariable long userId, HttpServletResponse response, Model model) {
        admin();
        UserService.Reset reset = users.resetPassword(userId);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        model.addAttribute("reset", reset);
        return users(new Search(reset.user().username(), null, 0), model, new NewUser(), FormErrors.none());
    }

    /** The list narrowed to one user, to show what was done to them. */
    private static String found(UserAccount user) {
        return USERS + "?q=" + UriUtils.encodeQueryParam(user.username(), StandardCharsets.UTF_8) + "&user="
                + UriUtils.encodeQueryParam(user.username(), StandardCharsets.UTF_8);
    }

    private UserAccount user(long userId) {
        return users.find(userId).orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, userId));
    }

    /**
     * The form offers every binding; the ones the chosen role does not take are left out, so only a missing one is
     * refused (the service says which).
     */
    private static void onlyTheRolesBinding(NewUser form) {
        Role.Binding binding = form.getRole() == null ? null : Role.valueOf(form.getRole().getValue()).binding();
        if (binding != Role.Binding.ENTERPRISE) {
            form.setEnterpriseId(null);
        }
        if (binding != Role.Binding.BANK) {
            form.setBankId(null);
        }
        if (binding != Role.Binding.DISTRICT || form.getDistrictCode() != null && form.getDistrictCode().isEmpty()) {
            form.setDistrictCode(null);
        }
    }

    private String users(Search search, Model model, NewUser form, FormErrors errors) {
        Pages.Request request = Pages.request(search.page(), Pages.DEFAULT_SIZE);
        UserService.Page found = users.page(search.q(), search.role(), request.offset(), request.size());
        List<Bank> allBanks = banks.banks();
        List<Region> districts = regions.findAll().stream()
                .filter(r -> "DISTRICT".equals(r.regionLevel())).toList();
        model.addAttribute("search", search);
        model.addAttribute("users", found.users());
        model.addAttribute("total", found.total());
        model.addAttribute("pages", (found.total() + request.size() - 1) / request.size());
        model.addAttribute("roles", Role.values());
        model.addAttribute("banks", allBanks);
        model.addAttribute("bankNames", allBanks.stream().collect(Collectors.toMap(Bank::id, Bank::name)));
        model.addAttribute("districts", districts.stream().filter(r -> r.retiredAt() == null).toList());
        model.addAttribute("districtNames", districts.stream()
                .collect(Collectors.toMap(Region::code, Region::name)));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("selfId", access.caller().userId());
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "admin/users";
    }

    /** A role named in the query; an unknown one searches every role. */
    private static Role role(String name) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }

    private void admin() {
        access.require(access.caller(), Permission.ADMINISTER_PLATFORM);
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ADMINISTER_PLATFORM)
                ? List.of(new Item(94, "admin.users.title", USERS)) : List.of();
    }
}
