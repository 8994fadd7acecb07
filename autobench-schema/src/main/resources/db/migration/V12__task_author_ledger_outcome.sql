-- The generator writes its task author's ledger row before the call (outcome 'in_flight', as the
-- dispatcher does) and then records the outcome, so it may update the outcome columns of
-- provider_calls; never purpose, provider, model, attempt, submission or start time.
GRANT UPDATE (finished_at, outcome, http_status, billed, request_id, input_tokens, output_tokens, latency_ms,
              error, finish_reason, cached_input_tokens) ON provider_calls TO autobench_generator;
