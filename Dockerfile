# One image recipe for the four services: docker build --build-arg MODULE=intake-service .
# Stage 1 builds with the Maven wrapper and extracts the jar (class-data sharing needs plain jars,
# not nested ones); stage 2 runs it as a non-root user on a Java 25 JRE (the code is Java 17).
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY events events
COPY triage-engine triage-engine
COPY intake-service intake-service
COPY triage-service triage-service
COPY notification-service notification-service
COPY identity-provider identity-provider
COPY casework-service casework-service
COPY local-stack/pom.xml local-stack/pom.xml
COPY benchmark/pom.xml benchmark/pom.xml
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -ntp -q -DskipTests -pl ${MODULE} -am package
RUN java -Djarmode=tools -jar ${MODULE}/target/${MODULE}.jar extract --destination /src/app \
    && mv /src/app/${MODULE}.jar /src/app/app.jar

FROM eclipse-temurin:25-jre
ARG MODULE
ARG MANAGEMENT_PORT
# intake-service: 256m (its idempotency store keeps up to 100,000 receipts of ~1 KB for a day)
ARG MAX_HEAP=128m
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home /app openintake && mkdir -p /app/data && chown openintake /app/data
WORKDIR /app
COPY --from=build /src/app/ /app/
USER openintake
# JVM settings as in the local stack (README, Performance): the serial collector, a heap capped at
# about twice the largest live set measured (jcmd <pid> GC.heap_info after a full collection shows
# a running service's), the client compiler only (faster start and less memory at the same CPU
# per case on a small machine; drop -XX:TieredStopAtLevel=1 where each service has cores of its
# own and long uptimes), and two malloc arenas.
ENV SERVER_ADDRESS=0.0.0.0 MANAGEMENT_SERVER_ADDRESS=0.0.0.0 MANAGEMENT_PORT=${MANAGEMENT_PORT} \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms64m -Xmx${MAX_HEAP} -Xss512k -XX:TieredStopAtLevel=1" MALLOC_ARENA_MAX=2
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${MANAGEMENT_PORT}/actuator/health" || exit 1
# The first run of a container records the classes it loaded when it stops (a clean stop: docker
# stop sends SIGTERM); every later start of that container maps them instead of loading them
# again. A volume on /app/data keeps the archive when the container is re-created; a new image
# records afresh (the JVM refuses an archive made from other jars).
ENTRYPOINT ["java", "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=/app/data/class-data.jsa", "-jar", "/app/app.jar"]
