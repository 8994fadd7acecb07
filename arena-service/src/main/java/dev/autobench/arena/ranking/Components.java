package dev.autobench.arena.ranking;

/**
 * The connected components of the comparison graph (models joined by at least one battle), and the
 * main one: the component with the most battles (then the most models, then the lowest model
 * index). Bradley–Terry only compares models through chains of battles; across components the
 * ratings would be decided by the prior alone, so only the main component is ranked.
 */
public final class Components {

    private final int[] component;
    private final int main;

    private Components(int[] component, int main) {
        this.component = component;
        this.main = main;
    }

    public static Components of(Battles battles) {
        int m = battles.modelCount();
        int[] parent = new int[m];
        for (int k = 0; k < m; k++) {
            parent[k] = k;
        }
        for (int k = 0; k < battles.size(); k++) {
            int a = find(parent, battles.a(k));
            int b = find(parent, battles.b(k));
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b); // the root is the lowest index of its component
            }
        }
        int[] component = new int[m];
        long[] battleCount = new long[m];
        int[] modelCount = new int[m];
        boolean[] played = new boolean[m];
        for (int k = 0; k < battles.size(); k++) {
            battleCount[find(parent, battles.a(k))]++;
            played[battles.a(k)] = true;
            played[battles.b(k)] = true;
        }
        int main = -1;
        for (int k = 0; k < m; k++) {
            component[k] = find(parent, k);
            if (played[k]) {
                modelCount[component[k]]++;
            }
        }
        for (int root = 0; root < m; root++) {
            if (battleCount[root] == 0) {
                continue;
            }
            if (main < 0 || battleCount[root] > battleCount[main]
                    || (battleCount[root] == battleCount[main] && modelCount[root] > modelCount[main])) {
                main = root;
            }
        }
        return new Components(component, main);
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    /** Whether {@code model} is in the main component (false for a model without battles). */
    public boolean inMain(int model) {
        return main >= 0 && component[model] == main;
    }

    /** A label of the model's component (its lowest model index). */
    public int of(int model) {
        return component[model];
    }
}
