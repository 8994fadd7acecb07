package dev.autobench.testsupport;

import dev.autobench.common.security.AdminSecured;
import dev.autobench.common.security.CronSecured;
import io.restassured.response.Response;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finds every {@code @CronSecured} and {@code @AdminSecured} endpoint of a service by reflection
 * over its compiled resources (a new endpoint is covered without touching any test) and proves
 * each answers 401 problem+json without its credential, with a wrong or empty one, and with the
 * other kind of credential, before any work. Call it from a {@code @QuarkusTest} of the service.
 */
public final class SecuredEndpoints {

    private SecuredEndpoints() {
    }

    public record Endpoint(String method, String path, boolean admin) {
    }

    /**
     * @param restPackage the package of the service's JAX-RS resources, subpackages included
     * @param cronSecret  the service's valid cron secret, which must not open an admin endpoint
     */
    public static void assertEveryOneRefusesMissingAndWrongCredentials(String restPackage, String cronSecret)
            throws IOException, ClassNotFoundException {
        List<Endpoint> endpoints = securedEndpoints(restPackage);
        assertThat(endpoints).as("secured endpoints found in " + restPackage).isNotEmpty();
        for (Endpoint endpoint : endpoints) {
            String header = endpoint.admin() ? "Authorization" : "x-cron-secret";
            String wrong = endpoint.admin() ? "Bearer wrong-token-0123456789abcdef" : "wrong-secret-0123456789abcdef";
            assertUnauthorized(endpoint, call(endpoint, null, null));
            assertUnauthorized(endpoint, call(endpoint, header, wrong));
            assertUnauthorized(endpoint, call(endpoint, header, ""));
            // the other credential does not open it either
            assertUnauthorized(endpoint, call(endpoint, endpoint.admin() ? "x-cron-secret" : "Authorization",
                    endpoint.admin() ? cronSecret : "Bearer " + cronSecret));
        }
    }

    private static Response call(Endpoint endpoint, String header, String value) {
        var request = given().contentType("application/json").body("{}");
        if (header != null) {
            request = request.header(header, value);
        }
        return request.request(endpoint.method(), endpoint.path());
    }

    private static void assertUnauthorized(Endpoint endpoint, Response response) {
        assertThat(response.statusCode()).as(endpoint + ": " + response.asString()).isEqualTo(401);
        assertThat(response.contentType()).as(endpoint.toString()).startsWith("application/problem+json");
    }

    public static List<Endpoint> securedEndpoints(String restPackage) throws IOException, ClassNotFoundException {
        List<Endpoint> found = new ArrayList<>();
        // the package and its subpackages: a service whose resources sit in feature packages names its root
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        java.nio.file.Path dir = classes.resolve(restPackage.replace('.', '/'));
        try (Stream<java.nio.file.Path> files = Files.walk(dir)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace(".class", "").replace('/', '.');
                Class<?> type = Class.forName(name);
                Path classPath = type.getAnnotation(Path.class);
                if (classPath == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    String verb = verb(method);
                    if (verb == null) {
                        continue;
                    }
                    boolean cron = secured(type, method, CronSecured.class);
                    boolean admin = secured(type, method, AdminSecured.class);
                    if (cron || admin) {
                        Path methodPath = method.getAnnotation(Path.class);
                        String path = (classPath.value() + (methodPath == null ? "" : "/" + methodPath.value()))
                                .replaceAll("/+", "/").replaceAll("\\{[^}]+}", "x");
                        found.add(new Endpoint(verb, path, admin));
                    }
                }
            }
        }
        return found;
    }

    private static boolean secured(Class<?> type, Method method, Class<? extends java.lang.annotation.Annotation> a) {
        return present(type, a) || present(method, a);
    }

    private static boolean present(AnnotatedElement element, Class<? extends java.lang.annotation.Annotation> a) {
        return element.isAnnotationPresent(a);
    }

    private static String verb(Method method) {
        if (method.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (method.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (method.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (method.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return method.isAnnotationPresent(PATCH.class) ? "PATCH" : null;
    }
}
