package dev.autobench.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The options each command takes, its shared blocks (the stack's place, the database login) included. */
class CommandOptionsTest {

    private static final List<String> STACK = List.of("--root", "--home", "--db-port", "--port-base");
    private static final List<String> DATABASE = List.of("--jdbc", "--user", "--password");
    private static final List<String> STANDARD = List.of("--help", "--version");

    private static final Map<String, List<String>> OWN = Map.of(
            "suite", List.of("--no-write", "--report-only", "--output", "--duration", "--warmup", "--skip-modules",
                    "--min-voters", "--spike-rate", "--spike-seconds", "--profile-seconds", "--dispatch-models",
                    "--mvn-flags", "--native"),
            "soak", List.of("--minutes", "--visitors", "--java-opts", "--demo-latency", "--keep"),
            "dispatch", List.of("--dispatcher", "--generator", "--cron-secret", "--admin-token", "--models",
                    "--first-date"),
            "stored-votes", List.of());

    private static final Map<String, List<String>> SHARED = Map.of(
            "suite", STACK, "soak", STACK, "dispatch", DATABASE, "stored-votes", DATABASE);

    @Test
    void everyCommandListsItsOwnAndItsSharedOptionsInItsHelp() {
        Map<String, CommandLine> commands = Bench.commandLine().getSubcommands();
        for (String name : OWN.keySet()) {
            CommandLine command = commands.get(name);
            TreeSet<String> expected = new TreeSet<>(OWN.get(name));
            expected.addAll(SHARED.get(name));
            expected.addAll(STANDARD);

            TreeSet<String> taken = new TreeSet<>();
            for (OptionSpec option : command.getCommandSpec().options()) {
                taken.add(option.longestName());
            }
            assertThat(taken).as(name).isEqualTo(expected);
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            assertThat(expected).as(name + " --help").allSatisfy(option -> assertThat(help).contains(option));
        }
    }
}
