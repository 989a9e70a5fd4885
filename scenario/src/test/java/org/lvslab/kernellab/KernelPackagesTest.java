package org.lvslab.kernellab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lvslab.ipvs.KernelVersion;

class KernelPackagesTest {
    @Test
    void the612SeriesIsNamedAfterItsUpstreamVersion() {
        KernelTarget t = KernelPackages.resolve("6.12.100");
        assertThat(t.packageName()).isEqualTo("linux-image-6.12.100+deb12-amd64");
        assertThat(KernelPackages.resolve("linux-image-6.12.117+deb12-amd64").version()).isEqualTo(KernelVersion.parse("6.12.117"));
    }

    @Test
    void the61SeriesGoesThroughTheDebianAbiTable() {
        assertThat(KernelPackages.resolve("6.1.170").packageName()).isEqualTo("linux-image-6.1.0-47-amd64");
        assertThat(KernelPackages.resolve("6.1.192").packageName()).isEqualTo("linux-image-6.1.0-56-amd64");
        assertThat(KernelPackages.resolve("linux-image-6.1.0-55-amd64").version()).isEqualTo(KernelVersion.parse("6.1.192"));
        assertThat(KernelPackages.resolve("linux-image-6.1.0-53-amd64").version()).isEqualTo(KernelVersion.parse("6.1.187"));
    }

    @Test
    void anUnknown61VersionNamesTheKnownOnes() {
        assertThatThrownBy(() -> KernelPackages.resolve("6.1.171")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6.1.170").hasMessageContaining("6.1.192");
    }

    @Test
    void theSuiteKernelsAreTwoClassicAndTwoNew() {
        assertThat(KernelPackages.suiteKernels()).extracting(v -> org.lvslab.ipvs.KernelProfile.of(v).isNew())
                .containsExactly(false, true, false, true);
    }
}
