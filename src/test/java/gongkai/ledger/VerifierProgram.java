package gongkai.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The command-line verifier exactly as shipped ({@code verifier/GongkaiVerify.java}, a single source file with no
 * dependencies): compiled once with the JDK's compiler for in-process calls, or launched as {@code java
 * GongkaiVerify.java …} the way a visitor runs it.
 */
final class VerifierProgram {

    static final Path SOURCE = Path.of("verifier", "GongkaiVerify.java");

    private static Class<?> program;

    private VerifierProgram() {
    }

    /** What a run printed and its exit status. */
    record Outcome(int status, String output) {
    }

    static synchronized Class<?> load() {
        if (program == null) {
            try {
                Path classes = Files.createDirectories(Path.of("target", "verifier-classes"));
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                int status = javac.run(null, null, null, "--release", "17", "-encoding", "UTF-8", "-Xlint:all",
                        "-Werror", "-d", classes.toString(), SOURCE.toString());
                if (status != 0) {
                    throw new IllegalStateException("verifier/GongkaiVerify.java does not compile cleanly");
                }
                URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL()},
                        VerifierProgram.class.getClassLoader());
                program = loader.loadClass("GongkaiVerify");
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return program;
    }

    static Object call(String name, Object... args) {
        return call(load(), name, args);
    }

    static Object callNested(String nested, String name, Object... args) {
        try {
            return call(load().getClassLoader().loadClass("GongkaiVerify$" + nested), name, args);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object call(Class<?> type, String name, Object... args) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    m.setAccessible(true);
                    return m.invoke(null, args);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        throw new IllegalArgumentException("GongkaiVerify has no " + name + "/" + args.length);
    }

    @SuppressWarnings("unchecked")
    static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> path, byte[] root) {
        return (Boolean) call("verifyInclusion", leafIndex, treeSize, leafHash, path, root);
    }

    static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
            List<byte[]> proof) {
        return (Boolean) call("verifyConsistency", first, second, firstRoot, secondRoot, proof);
    }

    static byte[] leafHash(String entry) {
        return (byte[]) call("leafHash", entry);
    }

    static String canonical(String json) {
        return (String) callNested("Jcs", "canonical", callNested("Json", "parse", json));
    }

    /** Runs the verifier in this JVM, as {@code main} would, capturing what it prints. */
    static Outcome run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = (Integer) call("run", args, out);
        return new Outcome(status, bytes.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code java verifier/GongkaiVerify.java args…} in a new JVM, as a visitor would. */
    static Outcome launch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dstdout.encoding=UTF-8");
        command.add("-Dfile.encoding=UTF-8");
        command.add(SOURCE.toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the verifier did not finish");
        }
        return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
