package dev.autobench.arena.humancheck;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The {@code siteverify} API that Cloudflare Turnstile, hCaptcha and reCAPTCHA share: a form POST of
 * the server's secret and the token the visitor's widget produced, answered with JSON. Its base URI
 * is the whole verification URL ({@code autobench.arena.human-check.verify-url}).
 */
public interface SiteVerifyClient {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    SiteVerifyAnswer verify(@FormParam("secret") String secret, @FormParam("response") String token);
}
