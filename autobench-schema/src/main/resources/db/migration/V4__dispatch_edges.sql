-- Dispatch at its edges: failures that may have been processed, quota exhaustion.

-- budget_exhausted: today's call budget was spent before the attempt (nothing sent).
-- possibly_processed: the request left and the answer (a gateway 5xx, a reset, no provider body) cannot say
-- the model did not run; it is never retried automatically. quota_exhausted: the account has no quota left.
ALTER TABLE submissions DROP CONSTRAINT submissions_error_code_check;
ALTER TABLE submissions ADD CONSTRAINT submissions_error_code_check
    CHECK (error_code IN ('timeout', 'abandoned', 'no_code', 'rate_limited', 'provider_error', 'invalid_response',
                          'circuit_open', 'connect_error', 'unauthorized', 'internal_error',
                          'possibly_processed', 'quota_exhausted', 'budget_exhausted'));

-- Each claim gets its own token (a re-claim a new one): starting an attempt and storing its outcome name the
-- token, so a stale holder can never start or complete a pair that was reaped and re-claimed, even by the
-- same process. Written by the dispatcher only.
ALTER TABLE submissions ADD COLUMN claim_token uuid;

-- The ledger keeps why the model stopped (finish_reason: stop, length, max_tokens, safety...) and how many prompt
-- tokens came from the provider's cache. Written by the dispatcher; read by operators and the arena's task pages
-- may show them.
ALTER TABLE provider_calls ADD COLUMN finish_reason text CHECK (length(finish_reason) <= 64);
ALTER TABLE provider_calls ADD COLUMN cached_input_tokens integer CHECK (cached_input_tokens >= 0);

-- The list price of cached prompt tokens; NULL prices them like other input. Written by the dispatcher (seed, PUT).
ALTER TABLE models ADD COLUMN cached_input_usd_per_mtok numeric(12, 4) CHECK (cached_input_usd_per_mtok >= 0);

-- truncated: the answer hit its output limit (finish reason length / max_tokens); refused: a safety block or a
-- refusal. Both were billed and keep their tokens and cost.
ALTER TABLE submissions DROP CONSTRAINT submissions_error_code_check;
ALTER TABLE submissions ADD CONSTRAINT submissions_error_code_check
    CHECK (error_code IN ('timeout', 'abandoned', 'no_code', 'rate_limited', 'provider_error', 'invalid_response',
                          'circuit_open', 'connect_error', 'unauthorized', 'internal_error',
                          'possibly_processed', 'quota_exhausted', 'budget_exhausted', 'truncated', 'refused'));
