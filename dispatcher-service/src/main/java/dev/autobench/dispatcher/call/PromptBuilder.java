package dev.autobench.dispatcher.call;

import dev.autobench.dispatcher.catalog.CallableModel;
import dev.autobench.dispatcher.dispatch.TaskToDispatch;
import dev.autobench.llm.client.LlmRequest;

/** The same question for every model: a fixed system prompt and the task's own prompt. */
final class PromptBuilder {

    static final String SYSTEM = """
            You are an expert front-end engineer taking part in a public benchmark. Answer with ONE complete, \
            self-contained HTML document (inline CSS and JavaScript, no external resources, no network requests) \
            inside a single ```html fenced code block. Keep any explanation short and outside the code block.""";

    private PromptBuilder() {
    }

    static LlmRequest request(TaskToDispatch task, CallableModel model) {
        String user = task.prompt() != null && task.prompt().contains(task.title())
                ? task.prompt()
                : "# Task: " + task.title() + "\nCategory: " + task.category() + "\n\n" + task.prompt();
        return new LlmRequest(model.provider(), model.apiModel(), model.baseUrl(), SYSTEM, user,
                model.maxOutputTokens(), model.timeout());
    }
}
