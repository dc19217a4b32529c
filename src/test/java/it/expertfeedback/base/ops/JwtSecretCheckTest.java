package it.expertfeedback.base.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/**
 * The rule of {@link JwtSecretCheck} case by case (the refusal itself, in a real start, is in SeveralInstancesTest):
 * the embedded database only warns, a configured secret is quiet, a short one is refused everywhere.
 */
@ExtendWith(OutputCaptureExtension.class)
class JwtSecretCheckTest {

    private static final String WARNING = "EFS_JWT_SECRET is not set: API tokens are signed with a random key";

    @Test
    void on_the_embedded_database_a_random_key_is_allowed_with_a_warning(CapturedOutput output) {
        assertThatNoException().isThrownBy(() -> JwtSecretCheck.check(new MockEnvironment()));
        assertThat(output.getAll()).contains(WARNING);
    }

    @Test
    void a_configured_secret_passes_without_a_warning_also_on_an_external_database(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(JwtSecretCheck.DATASOURCE_URL, "jdbc:postgresql://db.example/efs")
                .withProperty(JwtSecretCheck.SECRET, "a-shared-secret-of-more-than-32-bytes");
        assertThatNoException().isThrownBy(() -> JwtSecretCheck.check(environment));
        assertThat(output.getAll()).doesNotContain(WARNING);
    }

    @Test
    void an_external_database_without_a_secret_is_refused_and_the_opt_out_turns_it_into_a_warning(CapturedOutput output) {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(JwtSecretCheck.DATASOURCE_URL, "jdbc:postgresql://db.example/efs")
                .withProperty(JwtSecretCheck.SECRET, "  ");
        assertThatThrownBy(() -> JwtSecretCheck.check(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("EFS_JWT_SECRET is not set");
        environment.setProperty(JwtSecretCheck.ALLOW_RANDOM, "true");
        assertThatNoException().isThrownBy(() -> JwtSecretCheck.check(environment));
        assertThat(output.getAll()).contains(WARNING);
    }

    @Test
    void the_one_shot_commands_serve_no_tokens_and_need_no_secret(CapturedOutput output) {
        for (String command : new String[] {JwtSecretCheck.ROLLBACK_COMMAND + "=true", JwtSecretCheck.GENERATE_COMMAND + "=10"}) {
            MockEnvironment environment = new MockEnvironment()
                    .withProperty(JwtSecretCheck.DATASOURCE_URL, "jdbc:postgresql://db.example/efs")
                    .withProperty(command.substring(0, command.indexOf('=')), command.substring(command.indexOf('=') + 1));
            assertThatNoException().isThrownBy(() -> JwtSecretCheck.check(environment));
        }
        assertThat(output.getAll()).doesNotContain(WARNING);
    }

    @Test
    void a_secret_shorter_than_32_bytes_is_refused() {
        MockEnvironment environment = new MockEnvironment().withProperty(JwtSecretCheck.SECRET, "too-short");
        assertThatThrownBy(() -> JwtSecretCheck.check(environment)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
