package org.lvslab.ipvs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Forwarding methods by their IP_VS_CONN_F_* code. */
class ForwardingMethodTest {
    @Test
    void everyMethodIsFoundByItsCodeWhateverTheOtherFlagBits() {
        for (ForwardingMethod m : ForwardingMethod.values()) {
            assertThat(ForwardingMethod.ofCode(m.code())).isSameAs(m);
            assertThat(ForwardingMethod.ofCode(m.code() | ConnFlags.TEMPLATE | 0x0100)).isSameAs(m);
        }
        assertThat(ForwardingMethod.ofCode(3)).isSameAs(ForwardingMethod.DROUTE);
        assertThat(ForwardingMethod.ofCode(0)).isSameAs(ForwardingMethod.MASQ);
    }

    @Test
    void theUnusedCodesAreRejected() {
        for (int code = 4; code < 8; code++) {
            int c = code;
            assertThatThrownBy(() -> ForwardingMethod.ofCode(c)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown forwarding method " + c);
        }
    }
}
