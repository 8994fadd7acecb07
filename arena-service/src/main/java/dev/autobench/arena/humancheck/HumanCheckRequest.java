package dev.autobench.arena.humancheck;

/** The token the page's widget produced. */
public record HumanCheckRequest(String token) {
}
