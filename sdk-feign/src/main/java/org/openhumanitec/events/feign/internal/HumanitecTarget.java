package org.openhumanitec.events.feign.internal;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the resource's requests go, and the headers that are the same on every request: {@code Accept}, {@code
 * User-Agent}, and {@code Content-Type} when there is a body. They are added here, once, to the request Feign
 * hands the transport, rather than declared as Feign header templates: Feign copies and expands every template on
 * every call, which made those constant headers a measurable share of the client's per-call cost (see
 * {@code benchmarks/}). Only {@code Authorization}, which differs per view, stays a template.
 */
final class HumanitecTarget extends Target.HardCodedTarget<HumanitecResource> {

    private static final List<String> ACCEPT = List.of("application/json");
    private static final List<String> CONTENT_TYPE = List.of("application/json");
    private static final List<String> USER_AGENT = List.of(UserAgent.VALUE);

    HumanitecTarget(String baseUrl) {
        super(HumanitecResource.class, baseUrl);
    }

    @Override
    public Request apply(RequestTemplate template) {
        if (template.url().indexOf("http") != 0) {
            template.target(url());
        }
        // headers() is a fresh case-insensitive map of the resolved templates: the constant ones join it.
        Map<String, Collection<String>> headers = template.headers();
        headers.put("Accept", ACCEPT);
        headers.put("User-Agent", USER_AGENT);
        if (template.body() != null) {
            headers.put("Content-Type", CONTENT_TYPE);
        }
        return Request.create(
                Request.HttpMethod.valueOf(template.method()),
                template.url(),
                headers,
                template.body(),
                template.requestCharset(),
                template);
    }
}
