# Sophia's command line in a container: docker build -t sophia . && docker run --rm sophia --version
# Build stage: the project's own Maven build (tests run in CI, not here).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY sophia-core sophia-core
COPY sophia-probes sophia-probes
COPY sophia-diagnosis sophia-diagnosis
COPY sophia-report sophia-report
COPY examples examples
# the reactor lists it, so Maven needs its pom even though -pl examples does not build it
COPY sophia-host-test sophia-host-test
RUN mvn -B -q -pl examples -am package -DskipTests

# Run stage: a JRE only (Alpine, ~190 MB less than a JDK), as an unprivileged user.
FROM eclipse-temurin:17-jre-alpine
RUN addgroup -S sophia && adduser -S -G sophia -h /home/sophia sophia \
    && mkdir -p /work && chown sophia:sophia /work
COPY --from=build /src/examples/target/sophia.jar /opt/sophia/sophia.jar
COPY LICENSE /opt/sophia/LICENSE
USER sophia
WORKDIR /work
# the reports go to /work/<out>: mount a volume there to keep them
ENTRYPOINT ["java", "-XX:+ExitOnOutOfMemoryError", "-XX:MaxRAMPercentage=75", "-jar", "/opt/sophia/sophia.jar"]
CMD ["--help"]
