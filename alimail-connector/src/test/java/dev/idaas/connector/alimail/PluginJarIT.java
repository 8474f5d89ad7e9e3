package dev.idaas.connector.alimail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.idaas.connector.api.Account;
import dev.idaas.connector.api.AccountStatus;
import dev.idaas.connector.api.Cancellation;
import dev.idaas.connector.api.ConnectionCheck;
import dev.idaas.connector.api.Connector;
import dev.idaas.connector.api.ConnectorContext;
import dev.idaas.connector.api.ConnectorProvider;
import dev.idaas.connector.api.EventSink;
import dev.idaas.connector.api.LinkStore;
import dev.idaas.connector.api.ObjectResult;
import dev.idaas.connector.api.ObjectType;
import dev.idaas.connector.api.OrgUnit;
import dev.idaas.connector.api.SyncRequest;
import dev.idaas.connector.api.SyncResult;
import dev.idaas.connector.api.host.LoadProblem;
import dev.idaas.connector.api.host.LoadedProvider;
import dev.idaas.connector.api.host.ProviderRegistry;
import dev.idaas.connector.testkit.alimail.AccountSnapshot;
import dev.idaas.connector.testkit.alimail.AliMailSimulator;
import dev.idaas.connector.testkit.alimail.DepartmentSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the packaged plug-in jar the way a host does, through {@link ProviderRegistry} and a
 * plug-in folder, into a host that carries another Jackson than the connector's own.
 *
 * <p>The host is a class loader of its own that holds only connector-api, that other Jackson and
 * {@link Host}, the host-side code of this test; the test's own class path (which holds the
 * connector's classes and its Jackson) stays out of it. The test and the host talk through JDK
 * types only. Runs after the {@code package} phase (failsafe), which builds the jar; the build
 * passes its location and the Jackson versions as system properties.
 */
class PluginJarIT {

  private static final String SHADED = "dev.idaas.connector.alimail.shaded.";
  private static final String OBJECT_MAPPER = "com.fasterxml.jackson.databind.ObjectMapper";

  @TempDir Path work;

  private AliMailSimulator alimail;
  private Path pluginJar;
  private URLClassLoader hostLoader;
  private Object host;

  @BeforeEach
  void startAHostWithAnotherJacksonAndThePluginInItsFolder() throws Exception {
    alimail = AliMailSimulator.builder().start();

    Path plugins = Files.createDirectories(work.resolve("plugins"));
    pluginJar =
        Files.copy(builtFile("alimail.pluginJar"), plugins.resolve("alimail-connector-plugin.jar"));

    List<URL> hostClassPath = new ArrayList<>();
    hostClassPath.add(ConnectorProvider.class.getProtectionDomain().getCodeSource().getLocation());
    for (Path jar : otherJacksonJars()) {
      hostClassPath.add(jar.toUri().toURL());
    }
    hostClassPath.add(hostClassFolder().toUri().toURL());
    hostLoader =
        new URLClassLoader(
            "host", hostClassPath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());

    host =
        Class.forName(Host.class.getName(), true, hostLoader)
            .getConstructor(Path.class)
            .newInstance(plugins);
  }

  @AfterEach
  void stopEverything() throws Exception {
    if (host != null) {
      ((AutoCloseable) host).close();
    }
    if (hostLoader != null) {
      hostLoader.close();
    }
    if (alimail != null) {
      alimail.close();
    }
  }

  @Test
  void carriesItsLibrariesRelocatedAndNeitherConnectorApiNorTheOriginalPackages()
      throws IOException {
    try (JarFile jar = new JarFile(pluginJar.toFile())) {
      Set<String> classPackages = new TreeSet<>();
      for (String name : names(jar)) {
        if (name.endsWith(".class")) {
          classPackages.add(name.substring(0, name.lastIndexOf('/') + 1));
        }
      }

      assertThat(classPackages)
          .as("packages with classes")
          .allSatisfy(folder -> assertThat(folder).startsWith("dev/idaas/connector/alimail/"))
          .contains(
              "dev/idaas/connector/alimail/",
              "dev/idaas/connector/alimail/shaded/com/fasterxml/jackson/databind/",
              "dev/idaas/connector/alimail/shaded/com/fasterxml/jackson/core/",
              "dev/idaas/connector/alimail/shaded/com/fasterxml/jackson/annotation/",
              "dev/idaas/connector/alimail/shaded/com/google/common/collect/",
              "dev/idaas/connector/alimail/shaded/com/google/common/util/concurrent/internal/");
      assertThat(names(jar))
          .noneMatch(name -> name.startsWith("dev/idaas/connector/api/"))
          .noneMatch(name -> name.startsWith("com/fasterxml/") || name.startsWith("com/google/"))
          .as("classes for newer JDKs, which the shade plugin leaves unrelocated")
          .noneMatch(name -> name.startsWith("META-INF/versions/"));
      assertThat(text(jar, "META-INF/services/dev.idaas.connector.api.ConnectorProvider"))
          .isEqualTo("dev.idaas.connector.alimail.AliMailProvider");
      assertThat(
              text(jar, "META-INF/services/" + SHADED + "com.fasterxml.jackson.core.JsonFactory"))
          .isEqualTo(SHADED + "com.fasterxml.jackson.core.JsonFactory");
      assertThat(names(jar))
          .filteredOn(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
          .containsExactlyInAnyOrder(
              "META-INF/services/dev.idaas.connector.api.ConnectorProvider",
              "META-INF/services/" + SHADED + "com.fasterxml.jackson.core.JsonFactory",
              "META-INF/services/" + SHADED + "com.fasterxml.jackson.core.ObjectCodec");
    }
  }

  @Test
  void leavesTheNormalJarWithTheConnectorAlone() throws IOException {
    try (JarFile jar = new JarFile(builtFile("alimail.jar").toFile())) {
      assertThat(names(jar))
          .filteredOn(name -> name.endsWith(".class"))
          .isNotEmpty()
          .allSatisfy(name -> assertThat(name).startsWith("dev/idaas/connector/alimail/"))
          .noneMatch(name -> name.startsWith("dev/idaas/connector/alimail/shaded/"));
    }
  }

  @Test
  void isFoundInThePluginFolderAndLoadedInAClassLoaderOfItsOwn() throws Exception {
    Class<?> provider = (Class<?>) ask("providerClass", "alimail");
    ClassLoader pluginLoader = provider.getClassLoader();

    assertThat(host.getClass().getClassLoader()).isSameAs(hostLoader);
    assertThatThrownBy(() -> Class.forName(AliMailProvider.class.getName(), false, hostLoader))
        .as("the connector is not on the host's class path")
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(ask("ids")).isEqualTo(List.of("alimail"));
    assertThat(ask("problems")).isEqualTo(List.of());
    assertThat(ask("origin", "alimail")).isEqualTo(pluginJar.toString());
    assertThat(provider.getName()).isEqualTo(AliMailProvider.class.getName());
    assertThat(provider).isNotSameAs(AliMailProvider.class);
    assertThat(pluginLoader).isNotSameAs(hostLoader).isInstanceOf(URLClassLoader.class);
    assertThat(((URLClassLoader) pluginLoader).getURLs())
        .containsExactly(pluginJar.toUri().toURL());
    assertThat(provider.getProtectionDomain().getCodeSource().getLocation())
        .isEqualTo(pluginJar.toUri().toURL());
    assertThat(Class.forName(ConnectorProvider.class.getName(), false, hostLoader))
        .as("the host's connector-api, not a copy")
        .matches(api -> api.isAssignableFrom(provider));
  }

  @Test
  void usesItsRelocatedJacksonWhileTheHostHasAnotherVersion() throws Exception {
    ClassLoader pluginLoader = ((Class<?>) ask("providerClass", "alimail")).getClassLoader();

    Class<?> hostMapper = Class.forName(OBJECT_MAPPER, true, hostLoader);
    Class<?> pluginMapper = Class.forName(SHADED + OBJECT_MAPPER, true, pluginLoader);

    assertThat(jacksonVersion(hostMapper)).isEqualTo(System.getProperty("host.jacksonVersion"));
    assertThat(jacksonVersion(pluginMapper))
        .isEqualTo(System.getProperty("alimail.jacksonVersion"))
        .isNotEqualTo(jacksonVersion(hostMapper));
    assertThat(hostMapper.getClassLoader()).isSameAs(hostLoader);
    assertThat(pluginMapper.getClassLoader()).isSameAs(pluginLoader);
    assertThatThrownBy(() -> Class.forName(OBJECT_MAPPER, false, pluginLoader))
        .as("the host's Jackson is out of the plug-in's sight")
        .isInstanceOf(ClassNotFoundException.class);
    assertThat(libraryTypesOfTheConnector(pluginLoader))
        .contains(SHADED + OBJECT_MAPPER)
        .allSatisfy(type -> assertThat(type).startsWith(SHADED));
  }

  @Test
  void checksTheConnectionAndPushesASmallDirectoryInsideTheHost() throws Exception {
    Map<String, Object> run = asMap(ask("checkAndPush", alimail.connectorParameters()));

    assertThat(run.get("checkSteps"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .hasSize(3)
        .first()
        .isEqualTo(
            "Signed in to Alibaba Mail at "
                + alimail.endpoint()
                + " with access code "
                + AliMailSimulator.DEFAULT_ACCESS_CODE
                + ".");
    assertThat(((Class<?>) run.get("connectorClass")).getClassLoader())
        .isSameAs(((Class<?>) ask("providerClass", "alimail")).getClassLoader());
    assertThat(run.get("units")).isEqualTo("SUCCESS {CREATED=2}");
    assertThat(run.get("accounts")).isEqualTo("SUCCESS {CREATED=2}");
    assertThat(run.get("events"))
        .asInstanceOf(InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrder(
            "ORG_UNIT u-sales CREATED",
            "ORG_UNIT u-support CREATED",
            "ACCOUNT e-1 CREATED",
            "ACCOUNT e-2 CREATED");

    Map<String, String> links = asMap(run.get("links"));
    DepartmentSnapshot sales = alimail.department(links.get("ORG_UNIT u-sales")).orElseThrow();
    DepartmentSnapshot support = alimail.department(links.get("ORG_UNIT u-support")).orElseThrow();
    assertThat(sales.name()).isEqualTo("Sales");
    assertThat(sales.parentId()).isEqualTo(alimail.rootDepartmentId());
    assertThat(support.name()).isEqualTo("Support");
    assertThat(support.parentId()).isEqualTo(sales.id());
    assertThat(alimail.account("li.na@acme.example").orElseThrow())
        .extracting(AccountSnapshot::name, AccountSnapshot::departmentId)
        .containsExactly("Li Na", sales.id());
    assertThat(alimail.account("wang.fang@acme.example").orElseThrow())
        .extracting(AccountSnapshot::name, AccountSnapshot::departmentId)
        .containsExactly("Wang Fang", support.id());
  }

  // ---- the build's files ----

  private static Path builtFile(String property) {
    String location = System.getProperty(property);
    assertThat(location).as("system property " + property + ", set by the build").isNotNull();
    Path file = Path.of(location);
    assertThat(file).as("run the package phase first").isRegularFile();
    return file;
  }

  private static List<Path> otherJacksonJars() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("host.jacksonFolder")))) {
      List<Path> jars = files.sorted().toList();
      assertThat(jars).as("jackson-annotations, -core and -databind").hasSize(3);
      return jars;
    }
  }

  /** A folder with the compiled {@link Host} alone, so the host sees none of the test's classes. */
  private Path hostClassFolder() throws IOException {
    String classFile = Host.class.getName().replace('.', '/') + ".class";
    Path copy = work.resolve("host-classes").resolve(classFile);
    Files.createDirectories(copy.getParent());
    try (InputStream compiled = PluginJarIT.class.getClassLoader().getResourceAsStream(classFile)) {
      Files.copy(compiled, copy);
    }
    return work.resolve("host-classes");
  }

  private static List<String> names(JarFile jar) {
    return Collections.list(jar.entries()).stream().map(JarEntry::getName).toList();
  }

  private static String text(JarFile jar, String entry) throws IOException {
    JarEntry found = jar.getJarEntry(entry);
    assertThat(found).as(entry).isNotNull();
    try (InputStream in = jar.getInputStream(found)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    }
  }

  // ---- looking into the plug-in's classes ----

  private static String jacksonVersion(Class<?> objectMapper) throws ReflectiveOperationException {
    Object mapper = objectMapper.getConstructor().newInstance();
    return objectMapper.getMethod("version").invoke(mapper).toString();
  }

  /**
   * The Jackson and Guava types that the connector's own classes, as the plug-in loaded them, hold
   * in fields or take and give in methods.
   */
  private Set<String> libraryTypesOfTheConnector(ClassLoader pluginLoader)
      throws IOException, ClassNotFoundException {
    Set<String> types = new TreeSet<>();
    try (JarFile jar = new JarFile(pluginJar.toFile())) {
      for (String name : names(jar)) {
        if (!name.endsWith(".class") || name.contains("/shaded/") || name.contains("-info")) {
          continue;
        }
        String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        Class<?> type = Class.forName(className, false, pluginLoader);
        List<Class<?>> used = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
          used.add(field.getType());
        }
        for (Method method : type.getDeclaredMethods()) {
          used.add(method.getReturnType());
          used.addAll(List.of(method.getParameterTypes()));
        }
        for (Class<?> each : used) {
          Class<?> element = each.isArray() ? each.componentType() : each;
          if (element.getName().contains(".fasterxml.") || element.getName().contains(".google.")) {
            types.add(element.getName());
          }
        }
      }
    }
    return types;
  }

  // ---- talking to the host ----

  /** Calls the host's public method of that name. */
  private Object ask(String method, Object... arguments) throws Exception {
    for (Method candidate : host.getClass().getMethods()) {
      if (candidate.getName().equals(method)) {
        try {
          return candidate.invoke(host, arguments);
        } catch (InvocationTargetException failure) {
          throw (Exception) failure.getCause();
        }
      }
    }
    throw new NoSuchMethodException(method);
  }

  @SuppressWarnings("unchecked")
  private static <K, V> Map<K, V> asMap(Object map) {
    return (Map<K, V>) map;
  }

  /**
   * The host side of the test: runs in the host's class loader, so the connector-api types it names
   * are the host's, and answers in JDK types only. It uses no lambda and no nested class, so its
   * single class file is all the host needs.
   */
  public static final class Host implements LinkStore, EventSink, AutoCloseable {

    private final ProviderRegistry registry;
    private final Map<String, String> links = new ConcurrentHashMap<>();
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    /** Loads the plug-ins of the folder. */
    public Host(Path pluginFolder) {
      this.registry = ProviderRegistry.builder().pluginFolder(pluginFolder).build();
    }

    public List<String> ids() {
      return registry.ids();
    }

    public List<String> problems() {
      List<String> messages = new ArrayList<>();
      for (LoadProblem problem : registry.problems()) {
        messages.add(problem.message());
      }
      return messages;
    }

    public String origin(String id) {
      return registry.get(id).origin();
    }

    public Class<?> providerClass(String id) {
      return registry.get(id).provider().getClass();
    }

    /**
     * Opens the connector with these parameters, checks the connection and pushes two org units and
     * an account in each.
     */
    public Map<String, Object> checkAndPush(Map<String, String> parameters) {
      LoadedProvider alimail = registry.get("alimail");
      ConnectorContext context =
          ConnectorContext.of(this, this, Clock.systemUTC(), Cancellation.NEVER);
      Map<String, Object> run = new LinkedHashMap<>();
      try (Connector connector = alimail.open(alimail.descriptor().validate(parameters), context)) {
        run.put("connectorClass", connector.getClass());

        ConnectionCheck check = connector.checkConnection();
        run.put("checkSteps", check.steps());

        List<OrgUnit> units =
            List.of(
                OrgUnit.of("u-sales", null, "Sales", 1),
                OrgUnit.of("u-support", "u-sales", "Support", 1));
        run.put(
            "units", summary(connector.authorizeOrganizations(SyncRequest.full(units, none()))));

        List<Account> accounts =
            List.of(
                account("e-1", "li.na", "Li Na", "u-sales"),
                account("e-2", "wang.fang", "Wang Fang", "u-support"));
        run.put(
            "accounts", summary(connector.authorizeAccounts(SyncRequest.full(accounts, none()))));
      }
      run.put("links", new TreeMap<>(links));
      run.put("events", List.copyOf(events));
      return run;
    }

    private static <T> List<T> none() {
      return List.of();
    }

    private static Account account(String id, String username, String name, String unit) {
      return new Account(
          id,
          username,
          username + "@acme.example",
          name,
          null,
          null,
          null,
          List.of(unit),
          AccountStatus.ACTIVE,
          Map.of());
    }

    private static String summary(SyncResult result) {
      Map<String, Integer> counts = new TreeMap<>();
      for (Map.Entry<?, Integer> count : result.counts().entrySet()) {
        counts.put(count.getKey().toString(), count.getValue());
      }
      return result.status() + " " + counts;
    }

    @Override
    public void report(ObjectResult result) {
      events.add(result.objectType() + " " + result.hostId() + " " + result.outcome());
    }

    @Override
    public Optional<String> targetId(ObjectType type, String hostId) {
      return Optional.ofNullable(links.get(type + " " + hostId));
    }

    @Override
    public void link(ObjectType type, String hostId, String targetId) {
      links.put(type + " " + hostId, targetId);
    }

    @Override
    public void unlink(ObjectType type, String hostId) {
      links.remove(type + " " + hostId);
    }

    @Override
    public Map<String, String> all(ObjectType type) {
      Map<String, String> ofType = new TreeMap<>();
      String prefix = type + " ";
      for (Map.Entry<String, String> link : links.entrySet()) {
        if (link.getKey().startsWith(prefix)) {
          ofType.put(link.getKey().substring(prefix.length()), link.getValue());
        }
      }
      return ofType;
    }

    @Override
    public void close() {
      registry.close();
    }
  }
}
