package org.openhumanitec.events.feign.internal;

import feign.InvocationHandlerFactory;
import feign.Target;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Feign's proxy for the resource with a {@link PlannedMethodHandler} in place of each of Feign's own method
 * handlers. The proxy itself (argument passing, {@code equals}, {@code hashCode}, {@code toString}) stays Feign's
 * default.
 */
final class PlannedInvocationHandlerFactory implements InvocationHandlerFactory {

    private final Map<Method, MethodHandler> planned;

    /**
     * A factory.
     *
     * @param planned a handler for every method of the resource
     */
    PlannedInvocationHandlerFactory(Map<Method, MethodHandler> planned) {
        this.planned = Map.copyOf(planned);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public InvocationHandler create(Target target, Map<Method, MethodHandler> dispatch) {
        Map<Method, MethodHandler> handlers = new LinkedHashMap<>();
        for (Method method : dispatch.keySet()) {
            MethodHandler handler = planned.get(method);
            if (handler == null) {
                throw new IllegalStateException("no request plan for " + method);
            }
            handlers.put(method, handler);
        }
        return new InvocationHandlerFactory.Default().create(target, handlers);
    }
}
