package org.mbmskeys.adapters.app.admin;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code mbms-keys admin}: the client of a running BM-SC's admin API ({@link AdminServer}). The options here are
 * inherited, so they may come before or after the subcommand.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Ask a running BM-SC through its admin API: user services, Key Groups, registrations, deliveries, "
                + "streaming sessions; rotate an MSK; start, stop or advance MTK delivery; give a session the SRTP "
                + "rollover counter.",
        subcommands = {ServicesCommand.class, KeyGroupsCommand.class, RegistrationsCommand.class, DeliveriesCommand.class,
                RotateCommand.class, SessionsCommand.class, MtkCommand.class, RolloverCounterCommand.class})
public final class AdminCommand {

    /** The environment variable that holds the token when no {@code --token-file} is given. */
    public static final String TOKEN_ENV = "MBMS_KEYS_ADMIN_TOKEN";

    @Spec
    CommandSpec spec;

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            defaultValue = "http://127.0.0.1:" + AdminServer.DEFAULT_PORT,
            description = "the admin API of the BM-SC (default: ${DEFAULT-VALUE})")
    String url;

    @Option(names = "--token-file", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "a file holding the admin token (default: the environment variable " + TOKEN_ENV + ")")
    Path tokenFile;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "print the API's JSON as it came")
    boolean json;

    /** Where environment variables come from; tests replace it. */
    Function<String, String> environment = System::getenv;

    /**
     * A client for {@code --url} with the token from {@code --token-file} or {@value #TOKEN_ENV}.
     *
     * @throws ParameterException if the URL is not http(s), no token is given, or it cannot be read or used
     */
    AdminClient client(CommandSpec caller) {
        URI base;
        try {
            base = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(caller.commandLine(), "--url is not a URL: " + e.getMessage());
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new ParameterException(caller.commandLine(), "--url must be an http:// URL such as http://127.0.0.1:"
                    + AdminServer.DEFAULT_PORT + ", got '" + url + "'");
        }
        char[] token = token(caller);
        try {
            AdminToken.of(token);
            return new AdminClient(base, token);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(caller.commandLine(), e.getMessage());
        } finally {
            Arrays.fill(token, '\0');
        }
    }

    private char[] token(CommandSpec caller) {
        if (tokenFile != null) {
            byte[] raw;
            try {
                raw = Files.readAllBytes(tokenFile);
            } catch (IOException e) {
                throw new ParameterException(caller.commandLine(), "cannot read the token file " + tokenFile + ": " + e);
            }
            String text = new String(raw, StandardCharsets.UTF_8).strip();
            Arrays.fill(raw, (byte) 0);
            if (text.isEmpty()) {
                throw new ParameterException(caller.commandLine(), "the token file " + tokenFile + " is empty");
            }
            return text.toCharArray();
        }
        String fromEnv = environment.apply(TOKEN_ENV);
        if (fromEnv == null || fromEnv.isBlank()) {
            throw new ParameterException(caller.commandLine(), "no admin token: give --token-file FILE or set " + TOKEN_ENV);
        }
        return fromEnv.strip().toCharArray();
    }
}
