package dev.autobench.arena.ranking;

/**
 * The style covariates the arena can hold equal, each a per-solution value whose difference
 * between the two sides enters the style-controlled fit ({@link StyleControl}). Logarithms make the
 * effect "per doubling", so a model writing twice as much code is treated the same at any size.
 */
public enum StyleCovariate {
    CODE_LENGTH("code_length", "log2 of the code's length in characters", "Elo per doubling of the code's length"),
    EXTERNAL_LIBRARIES("external_libraries", "1 when the code loads a script, module or stylesheet from another origin",
            "Elo for loading one"),
    JS_ERRORS("js_errors", "1 when the rendered page logged a JavaScript error", "Elo for an erroring page"),
    RENDER_TIME("render_time", "log2 of the render time in milliseconds", "Elo per doubling of the render time");

    private final String key;
    private final String description;
    private final String unit;

    StyleCovariate(String key, String description, String unit) {
        this.key = key;
        this.description = description;
        this.unit = unit;
    }

    /** The name in the API and CSV. */
    public String key() {
        return key;
    }

    public String description() {
        return description;
    }

    public String unit() {
        return unit;
    }
}
