package dev.autobench.generator.bank;

import dev.autobench.generator.drafting.TemplateUsage;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Chooses a day's templates and their variations, as a pure function of the date, the usage
 * history and the deployment's selection secret: every replica, and every retry, computes the same
 * answer, but nobody without the secret can compute a future day's (the day's seed is an
 * HMAC-SHA256 of the date under the secret).
 *
 * <p>A template is <em>rested</em> when no other day within {@code noRepeatDays - 1} days of the
 * target date uses it, so any window of {@code noRepeatDays} consecutive days holds it at most
 * once. Rested templates are drawn in a date-seeded order; when too few are rested (a bank
 * smaller than {@code tasksPerDay × noRepeatDays}, or a backfill between existing days) the
 * longest-unused templates are taken instead of failing the day. No two chosen templates share a
 * category.
 */
public final class TemplateSelector {

    private static final String HMAC = "HmacSHA256";

    /** A template chosen for a date, with its variation already drawn. */
    public record Choice(TaskTemplate template, Map<String, String> variation) {
    }

    private final TaskBank bank;
    private final int noRepeatDays;
    private final SecretKeySpec secret;

    public TemplateSelector(TaskBank bank, int noRepeatDays, byte[] secret) {
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("a selection secret is required");
        }
        this.bank = bank;
        this.noRepeatDays = noRepeatDays;
        this.secret = new SecretKeySpec(secret, HMAC);
    }

    public List<Choice> select(LocalDate date, int count, Set<String> takenCategories, List<TemplateUsage> history) {
        Map<String, Long> distance = nearestUseDistance(date, history);
        long seed = seed(secret, date);

        List<TaskTemplate> rested = new ArrayList<>();
        List<TaskTemplate> tired = new ArrayList<>();
        for (TaskTemplate t : bank.templates()) {
            if (takenCategories.contains(t.category())) {
                continue;
            }
            Long d = distance.get(t.id());
            if (d != null && d == 0) {
                continue; // already on this very day
            }
            (d == null || d >= noRepeatDays ? rested : tired).add(t);
        }
        shuffle(rested, new SplittableRandom(seed));
        shuffle(tired, new SplittableRandom(seed ^ 0x5DEECE66DL));
        tired.sort(Comparator.comparingLong((TaskTemplate t) -> distance.get(t.id())).reversed());

        List<Choice> chosen = new ArrayList<>(count);
        Set<String> categories = new HashSet<>();
        for (List<TaskTemplate> pool : List.of(rested, tired)) {
            for (TaskTemplate t : pool) {
                if (chosen.size() == count) {
                    return chosen;
                }
                if (categories.add(t.category())) {
                    chosen.add(new Choice(t, variation(t, seed)));
                }
            }
        }
        if (chosen.size() < count) {
            throw new IllegalStateException("the task bank has too few categories for " + count
                    + " tasks on " + date + " (categories already taken: " + takenCategories + ")");
        }
        return chosen;
    }

    /** One value per variation axis, drawn from the date and the template so reruns agree. */
    static Map<String, String> variation(TaskTemplate template, long daySeed) {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> axis : new TreeMap<>(template.vary()).entrySet()) {
            long h = mix(daySeed ^ mix(template.id().hashCode()) ^ mix(axis.getKey().hashCode() * 31L + 7));
            List<String> values = axis.getValue();
            chosen.put(axis.getKey(), values.get((int) Math.floorMod(h, (long) values.size())));
        }
        return chosen;
    }

    private static Map<String, Long> nearestUseDistance(LocalDate date, List<TemplateUsage> history) {
        Map<String, Long> distance = new HashMap<>();
        for (TemplateUsage use : history) {
            if (use.templateId() == null) {
                continue;
            }
            long d = Math.abs(use.date().toEpochDay() - date.toEpochDay());
            distance.merge(use.templateId(), d, Math::min);
        }
        return distance;
    }

    /** The day's seed: the first 8 bytes of HMAC-SHA256(secret, "autobench-day:" + ISO date). */
    static long seed(byte[] secret, LocalDate date) {
        return seed(new SecretKeySpec(secret, HMAC), date);
    }

    private static long seed(SecretKeySpec secret, LocalDate date) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            byte[] digest = mac.doFinal(("autobench-day:" + date).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }

    /** SplitMix64's finaliser: a stable, well-spread hash that every JVM computes alike. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T tmp = list.get(i);
            list.set(i, list.get(j));
            list.set(j, tmp);
        }
    }
}
