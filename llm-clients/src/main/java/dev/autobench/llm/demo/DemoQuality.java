package dev.autobench.llm.demo;

import java.util.Arrays;
import java.util.Optional;

/** The demo models, by api model id: how good a page each one writes. */
public enum DemoQuality {
    /** Polished, responsive, extra features. */
    EXCELLENT("demo-excellent"),
    /** Working and tidy. */
    GOOD("demo-good"),
    /** Working, unstyled, minimal. */
    PLAIN("demo-plain"),
    /** A working page that also throws an uncaught error a moment after loading. */
    BUGGY("demo-buggy"),
    /** Answers in prose without any code: the dispatcher must fail it as {@code no_code}. */
    NOCODE("demo-nocode");

    private final String apiModel;

    DemoQuality(String apiModel) {
        this.apiModel = apiModel;
    }

    public String apiModel() {
        return apiModel;
    }

    public static Optional<DemoQuality> fromApiModel(String apiModel) {
        return Arrays.stream(values()).filter(q -> q.apiModel.equals(apiModel)).findFirst();
    }
}
