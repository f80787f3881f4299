package org.openhumanitec.events.feign;

class ApacheHttp5BehaviourTest extends HumanitecClientBehaviourTest {
    @Override
    protected Transport transport() {
        return Transport.apacheHttpClient5();
    }
}
