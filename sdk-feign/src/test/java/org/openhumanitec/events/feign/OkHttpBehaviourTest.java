package org.openhumanitec.events.feign;

class OkHttpBehaviourTest extends HumanitecClientBehaviourTest {
    @Override
    protected Transport transport() {
        return Transport.okHttp();
    }
}
