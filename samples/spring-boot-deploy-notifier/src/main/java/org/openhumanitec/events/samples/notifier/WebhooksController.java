package org.openhumanitec.events.samples.notifier;

import java.util.List;
import org.openhumanitec.events.api.HumanitecEventApi;
import org.openhumanitec.events.api.errors.HumanitecException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /webhooks}: the webhooks of the notifier's app, as JSON. */
@RestController
public class WebhooksController {

    private final HumanitecEventApi humanitec;
    private final NotifierProperties properties;

    /**
     * The controller, over the application's API bean.
     *
     * @param humanitec the Humanitec Event API
     * @param properties the notifier's settings
     */
    public WebhooksController(HumanitecEventApi humanitec, NotifierProperties properties) {
        this.humanitec = humanitec;
        this.properties = properties;
    }

    /**
     * The app's webhooks.
     *
     * @return their summaries, in the API's order
     */
    @GetMapping("/webhooks")
    public List<WebhookSummary> webhooks() {
        return humanitec.webhooks().list(properties.orgId(), properties.appId()).stream()
                .map(WebhookSummary::of)
                .toList();
    }

    /**
     * Humanitec failed the call: 502 Bad Gateway, with what it answered (its messages hold no token).
     *
     * @param e the API's exception
     * @return an RFC 9457 problem
     */
    @ExceptionHandler(HumanitecException.class)
    public ProblemDetail humanitecFailed(HumanitecException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "Humanitec: " + e.getMessage());
    }
}
