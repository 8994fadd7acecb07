-- The ledger keeps the list-price cost of every billed attempt (a complete answer, and an empty, truncated, refused
-- or unparsable one), so the day's spend is the sum of provider_calls even when a pair was attempted more than once
-- or its submission was completed by someone else. NULL when nothing was billed or the bill is unknown (a timeout,
-- a gateway 5xx). Written by the dispatcher (its table UPDATE grant covers it); the generator's task-author rows
-- leave it NULL.
ALTER TABLE provider_calls ADD COLUMN cost_usd numeric(14, 6) CHECK (cost_usd >= 0);
