package dev.autobench.bench.proc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CpuAccountingTest {

    /** A real /proc/stat: user nice system idle iowait irq softirq steal guest guest_nice. */
    private static final String PROC_STAT = """
            cpu  994655 925160 232307 1980123 7111 0 7157 8496 0 0
            cpu0 497327 462580 116153 990061 3555 0 3578 4248 0 0
            intr 123456 0 0
            """;

    @Test
    void machineTicksAreTheFirstEightFieldsAndIdleCountsIoWait() {
        long[] machine = CpuSample.machine(PROC_STAT);

        assertThat(machine[0]).isEqualTo(994655L + 925160 + 232307 + 1980123 + 7111 + 0 + 7157 + 8496);
        assertThat(machine[1]).isEqualTo(1980123L + 7111);
    }

    @Test
    void processTicksAreUserPlusSystemCountedAfterTheName() {
        String bash = "29773 (bash) S 29770 29773 29773 0 -1 4194560 8548 258749 0 4 0 10 1299 222 20 0 1 0 2004956";
        String oddName = "4242 (my (odd) name) R 1 4242 4242 0 -1 4194560 10 0 0 0 700 50 0 0 20 0 1 0 99";

        assertThat(CpuSample.ticksOf(bash)).isEqualTo(10);
        assertThat(CpuSample.ticksOf(oddName)).isEqualTo(750);
    }

    @Test
    void sharesAreTicksOverOneCoresTicksAndPerRequestCostFollows() {
        CpuSample before = new CpuSample(1_000, 200, 100, 50);
        CpuSample after = new CpuSample(1_400, 240, 260, 110);

        CpuShare share = CpuShare.between(before, after, 2, 1000);

        assertThat(share.arenaCores()).isEqualTo(0.8);
        assertThat(share.postgresCores()).isEqualTo(0.3);
        assertThat(share.idleCores()).isEqualTo(0.2);
        assertThat(share.text()).isEqualTo("CPU: arena 0.80, postgres 0.30, idle 0.20 of 2 cores"
                + " = 0.800 ms arena + 0.300 ms postgres CPU per request");
    }

    @Test
    void noTimePassedOrNoRequestsSayNoMoreThanTheyKnow() {
        CpuSample same = new CpuSample(1_000, 200, 100, 50);

        assertThat(CpuShare.between(same, same, 2, 1000).text()).isEqualTo("CPU ?");
        assertThat(CpuShare.between(same, new CpuSample(1_200, 300, 100, 50), 2, 0).text())
                .isEqualTo("CPU: arena 0.00, postgres 0.00, idle 1.00 of 2 cores");
    }

    @Test
    void readsThisProcessFromProc() {
        long self = ProcessHandle.current().pid();

        CpuSample sample = CpuSample.read(self, List.of(self));

        assertThat(sample.totalTicks()).isPositive();
        assertThat(sample.arenaTicks()).isPositive();
        assertThat(sample.postgresTicks()).isPositive();
        assertThat(ProcessMemory.rssMb(self)).isPositive();
        assertThat(ProcessMemory.rssMbOf("Name:\tbash\nVmRSS:\t    4176 kB\n")).isEqualTo(4);
        assertThat(CpuSample.processTicks(-1)).isZero();
    }
}
