package cn.ipf.app.job;

import cn.ipf.app.access.AccessPolicy;
import cn.ipf.app.access.Caller;
import cn.ipf.app.access.policy.Permission;
import cn.ipf.app.console.ConsoleForms;
import cn.ipf.app.console.ConsoleMenu;
import cn.ipf.app.console.ConsolePage;
import cn.ipf.app.console.FormErrors;
import cn.ipf.app.job.policy.LaunchForms;
import cn.ipf.app.shared.error.ApiException;
import cn.ipf.app.shared.web.Problems;
import cn.ipf.batch.JobControl;
import cn.ipf.batch.JobRun;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 批处理任务 in the administrator's console: launch any job with a form built from its parameters
 * ({@link LaunchForms}), watch an execution's progress (the page polls a small fragment with htmx until it ends),
 * restart, stop or abandon it, and read the history with each failure's root cause in words. The same
 * {@link JobActions} as the API.
 */
@ConsolePage
class JobPages implements ConsoleMenu {

    static final String JOBS = "/console/admin/jobs";
    static final String EXECUTIONS = JOBS + "/executions";
    private static final int HISTORY = 20;

    private final JobControl jobs;
    private final JobActions actions;
    private final JobExecutionQueries executions;
    private final AccessPolicy access;
    private final ConsoleForms forms;
    private final Problems problems;

    JobPages(JobControl jobs, JobActions actions, JobExecutionQueries executions, AccessPolicy access,
            ConsoleForms forms, Problems problems) {
        this.jobs = jobs;
        this.actions = actions;
        this.executions = executions;
        this.access = access;
        this.forms = forms;
        this.problems = problems;
    }

    /** A job's launch form: its parameters, or the free field when it has no described form. */
    record JobForm(String name, List<LaunchForms.Parameter> parameters, boolean free) {
    }

    @GetMapping(JOBS)
    String list(@RequestParam(required = false) String job, Model model) {
        admin();
        return show(model, job, Map.of(), FormErrors.none());
    }

    @PostMapping(JOBS + "/{jobName}/executions")
    String launch(@PathVariable String jobName, @RequestParam Map<String, String> entered,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        admin();
        FormErrors errors = FormErrors.none();
        // the summary names each parameter, so that two "required" lines can be told apart
        LaunchForms.problems(jobName, entered).forEach((name, problem) -> errors.field(field(jobName, name),
                problems.text(request, "admin.jobs.parameter." + problem,
                        new Object[] {problems.text(request, "admin.jobs.param." + name, name)}, problem)));
        if (!errors.any()) {
            try {
                JobRun run = actions.launch(jobName, LaunchForms.parameters(jobName, entered));
                return "redirect:" + EXECUTIONS + "/" + run.executionId();
            } catch (ApiException e) {
                FormErrors refused = forms.refusal(request, e);
                response.setStatus(e.code().status().value());
                return show(model, jobName, entered, refused);
            }
        }
        response.setStatus(422);
        return show(model, jobName, entered, errors);
    }

    @GetMapping(EXECUTIONS + "/{executionId}")
    String execution(@PathVariable long executionId, Model model) {
        admin();
        return execution(actions.find(executionId), model, FormErrors.none());
    }

    /** The progress fragment the execution page polls while the run is not over. */
    @GetMapping(EXECUTIONS + "/{executionId}/progress")
    String progress(@PathVariable long executionId, Model model) {
        admin();
        model.addAttribute("run", actions.find(executionId));
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "admin/job-execution :: progress";
    }

    @PostMapping(EXECUTIONS + "/{executionId}/restart")
    String restart(@PathVariable long executionId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(executionId, actions::restart, request, response, model);
    }

    @PostMapping(EXECUTIONS + "/{executionId}/stop")
    String stop(@PathVariable long executionId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(executionId, actions::stop, request, response, model);
    }

    @PostMapping(EXECUTIONS + "/{executionId}/abandon")
    String abandon(@PathVariable long executionId, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        return act(executionId, actions::abandon, request, response, model);
    }

    private String act(long executionId, LongFunction<JobRun> action, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        admin();
        try {
            return "redirect:" + EXECUTIONS + "/" + action.apply(executionId).executionId();
        } catch (ApiException e) {
            response.setStatus(e.code().status().value());
            return execution(actions.find(executionId), model, forms.refusal(request, e));
        }
    }

    private String execution(JobRun run, Model model, FormErrors errors) {
        model.addAttribute("run", run);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        return "admin/job-execution";
    }

    private String show(Model model, String selected, Map<String, String> entered, FormErrors errors) {
        model.addAttribute("jobs", jobs.jobNames().stream()
                .map(n -> new JobForm(n, LaunchForms.of(n), !LaunchForms.described(n))).toList());
        model.addAttribute("selected", selected);
        model.addAttribute("entered", entered);
        model.addAttribute("errors", errors);
        model.addAttribute("formKey", ConsoleForms.newKey());
        model.addAttribute("history", executions.page(new JobExecutionFilter(null, null, null, null), 0, HISTORY)
                .runs());
        return "admin/jobs";
    }

    /** A parameter's field path in the page: one form per job, so the job's name keeps ids unique. */
    static String field(String jobName, String parameter) {
        return jobName + "." + parameter;
    }

    private void admin() {
        access.require(access.caller(), Permission.ADMINISTER_PLATFORM);
    }

    @Override
    public List<Item> items(Caller caller) {
        return access.may(caller, Permission.ADMINISTER_PLATFORM)
                ? List.of(new Item(90, "admin.jobs.title", JOBS)) : List.of();
    }
}
