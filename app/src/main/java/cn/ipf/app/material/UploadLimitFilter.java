package cn.ipf.app.material;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.StandardMultipartHttpServletRequest;

/**
 * A console form's upload over the multipart limit (spring.servlet.multipart.*) is sent back to the page that holds
 * the form, {@code ?upload=tooLarge}, which shows the limit by its file field. Without this the first filter to read
 * a parameter (the CSRF check) fails the request before any page is chosen, and the person gets a bare 413. The parts
 * are parsed here, before the security filters, which then read them as usual; the API's uploads are untouched.
 */
public class UploadLimitFilter extends OncePerRequestFilter {

    static final String TOO_LARGE = "upload=tooLarge";
    private static final String CONSOLE = "/console/";

    /** Registers the filter for the console's paths, before the security filters. */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<UploadLimitFilter> uploadLimit() {
            FilterRegistrationBean<UploadLimitFilter> registration =
                    new FilterRegistrationBean<>(new UploadLimitFilter());
            registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
            registration.addUrlPatterns(CONSOLE + "*");
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || type == null
                || !type.toLowerCase().startsWith("multipart/form-data");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            new StandardMultipartHttpServletRequest(request);
        } catch (MaxUploadSizeExceededException e) {
            response.sendRedirect(formPage(request) + "?" + TOO_LARGE);
            return;
        } catch (MultipartException e) {
            // another fault of the body: the page's own handling answers it
        }
        chain.doFilter(request, response);
    }

    /** The page the form was on (the same-origin referrer), or the console's home. */
    private static String formPage(HttpServletRequest request) {
        String referer = request.getHeader("Referer");
        try {
            String path = referer == null ? null : URI.create(referer).getPath();
            return path != null && path.startsWith(CONSOLE) && !path.contains("//") ? path : "/console";
        } catch (IllegalArgumentException e) {
            return "/console";
        }
    }
}
