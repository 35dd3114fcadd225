package fi.collabmaturity.api.security;

import fi.collabmaturity.account.CreateAccount;
import fi.collabmaturity.account.Roles;
import fi.collabmaturity.api.storage.StorageProperties;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * On the first start, creates the account {@code admin} with the password of ASSESSMENT_ADMIN_PASSWORD, or a
 * generated one that is printed once and written to {@code <data dir>/initial-admin-password}, readable by the
 * owner only. Once the account exists (or existed), nothing happens.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class InitialAdmin implements ApplicationRunner {

    public static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(InitialAdmin.class);

    private final AccountDirectory accounts;
    private final CommandGateway commands;
    private final PasswordEncoder encoder;
    private final StorageProperties storage;
    private final String configuredPassword;

    public InitialAdmin(AccountDirectory accounts, CommandGateway commands, PasswordEncoder encoder,
                        StorageProperties storage, @Value("${assessment.admin-password:}") String configuredPassword) {
        this.accounts = accounts;
        this.commands = commands;
        this.encoder = encoder;
        this.storage = storage;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.everExisted(USERNAME)) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? generate() : configuredPassword;
        commands.sendAndWait(org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage(
                new CreateAccount(USERNAME, encoder.encode(password), List.of(Roles.ADMIN)))
                .andMetaData(MetaData.with("username", "system")));
        if (generated) {
            Path file = writePasswordFile(password);
            log.warn("Created the account '{}' with the generated password {} (also in {}). It is shown only once.",
                    USERNAME, password, file);
        } else {
            log.info("Created the account '{}' with the password of ASSESSMENT_ADMIN_PASSWORD", USERNAME);
        }
    }

    private Path writePasswordFile(String password) {
        try {
            Path folder = storage.dataPath();
            Files.createDirectories(folder);
            Path file = folder.resolve("initial-admin-password");
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, password + System.lineSeparator(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin password file", e);
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
