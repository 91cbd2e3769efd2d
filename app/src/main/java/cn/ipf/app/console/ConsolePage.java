package cn.ipf.app.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * Marks a feature's page controller in the web console (网上服务大厅), e.g. {@code loan.LoanPages}: its views get the
 * layout's model (who is signed in, the menu, the language) and its refusals become pages (a claim the caller may
 * not see is the 404 page), both from {@link ConsoleAdvice}. Map handlers under {@code /console/}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsolePage {
}
