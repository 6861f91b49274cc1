package io.sophia.probes;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

/**
 * The official MCP Java SDK's Streamable HTTP server (a servlet) in an embedded Jetty 12 on
 * loopback, with a couple of tools: a real handshake-era MCP server (2024-11-05 … 2025-11-25).
 */
final class McpSdkTestServer implements AutoCloseable {

    static final String NAME = "research-mcp";
    static final String VERSION = "1.4.2";

    private final Server jetty;
    private final ServerConnector connector;
    private final McpSyncServer mcp;
    private final HttpServletStreamableServerTransportProvider transport;

    McpSdkTestServer() throws Exception {
        this(false);
    }

    /**
     * @param forgetSessions when true, every request after {@code initialize} reaches the SDK with an
     *                       unknown session id, as after a server restart
     */
    McpSdkTestServer(boolean forgetSessions) throws Exception {
        transport = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint("/mcp")
                // no idle-session sweeper: it runs on a non-daemon Reactor thread the SDK never disposes
                .sessionSweepInterval(null)
                .build();
        mcp = McpServer.sync(transport)
                .serverInfo(NAME, VERSION)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(true).logging().build())
                .tools(tool("search_papers", "Searches papers"), tool("summarise", "Summarises a paper"))
                .build();
        jetty = new Server();
        connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder holder = new ServletHolder(transport);
        holder.setAsyncSupported(true);
        context.addServlet(holder, "/mcp");
        if (forgetSessions) {
            context.addFilter(new FilterHolder(new ForgetSessions()), "/mcp", EnumSet.of(DispatcherType.REQUEST));
        }
        jetty.setHandler(context);
        jetty.start();
    }

    private static McpServerFeatures.SyncToolSpecification tool(String name, String description) {
        McpSchema.Tool tool = McpSchema.Tool.builder(name,
                        Map.of("type", "object", "properties", Map.of("query", Map.of("type", "string"))))
                .description(description)
                .build();
        return McpServerFeatures.SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                        .addTextContent("ok")
                        .build())
                .build();
    }

    /** Replaces the client's session id with one the server never issued. */
    private static final class ForgetSessions implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            if (http.getHeader("Mcp-Session-Id") == null) {
                chain.doFilter(request, response);
                return;
            }
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getHeader(String name) {
                    return "mcp-session-id".equalsIgnoreCase(name) ? "restarted-server-forgot-me" : super.getHeader(name);
                }

                @Override
                public Enumeration<String> getHeaders(String name) {
                    return "mcp-session-id".equalsIgnoreCase(name)
                            ? Collections.enumeration(List.of("restarted-server-forgot-me")) : super.getHeaders(name);
                }
            }, response);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/mcp");
    }

    /** The root of the Jetty server, where no MCP endpoint lives. */
    URI root() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/not-mcp");
    }

    @Override
    public void close() {
        try {
            mcp.close();
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the test MCP server", e);
        }
    }
}
