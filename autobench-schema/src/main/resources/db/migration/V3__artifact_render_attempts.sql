-- How many throwaway browsers the renderer started for this artifact: 1 for a normal render, more when a
-- browser failed before the page loaded and the page was rendered again in a fresh one; 0 when no browser
-- ran (no Chromium on the machine, a page too large to render). Written by the renderer, read by operators.
ALTER TABLE artifacts
    ADD COLUMN render_attempts integer NOT NULL DEFAULT 0 CHECK (render_attempts >= 0);
