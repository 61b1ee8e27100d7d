package dev.convergence.functions;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.functions.HttpRequest;
import com.google.cloud.functions.HttpResponse;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In-memory HTTP requests and responses, for calling an HTTP function in this JVM as the Functions
 * Framework would: the local workflow's call to AdmitRun, and the functions' unit tests.
 */
public final class InProcessHttp {

  private InProcessHttp() {}

  public static Request get(String pathAndQuery) {
    return new Request("GET", pathAndQuery, new byte[0]);
  }

  public static Request post(String path, String body) {
    return post(path, body.getBytes(UTF_8));
  }

  public static Request post(String path, byte[] body) {
    return new Request("POST", path, body);
  }

  /** A request with a method, a path (and query) and a JSON body. */
  public record Request(String method, String uri, byte[] body) implements HttpRequest {

    @Override
    public String getMethod() {
      return method;
    }

    @Override
    public String getUri() {
      return uri;
    }

    @Override
    public String getPath() {
      int query = uri.indexOf('?');
      return query < 0 ? uri : uri.substring(0, query);
    }

    @Override
    public Optional<String> getQuery() {
      int query = uri.indexOf('?');
      return query < 0 ? Optional.empty() : Optional.of(uri.substring(query + 1));
    }

    @Override
    public Map<String, List<String>> getQueryParameters() {
      Map<String, List<String>> parameters = new LinkedHashMap<>();
      getQuery()
          .ifPresent(
              query -> {
                for (String pair : query.split("&")) {
                  String[] parts = pair.split("=", 2);
                  parameters
                      .computeIfAbsent(URLDecoder.decode(parts[0], UTF_8), k -> new ArrayList<>())
                      .add(parts.length > 1 ? URLDecoder.decode(parts[1], UTF_8) : "");
                }
              });
      return parameters;
    }

    @Override
    public Map<String, HttpPart> getParts() {
      return Map.of();
    }

    @Override
    public Optional<String> getContentType() {
      return Optional.of("application/json");
    }

    @Override
    public long getContentLength() {
      return body.length;
    }

    @Override
    public Optional<String> getCharacterEncoding() {
      return Optional.of("utf-8");
    }

    @Override
    public InputStream getInputStream() {
      return new ByteArrayInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), UTF_8));
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return Map.of();
    }
  }

  /** What the function answered: status, headers and body, held in memory. */
  public static final class Response implements HttpResponse {
    private int status = 200;
    private String contentType;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @Override
    public void setStatusCode(int code) {
      this.status = code;
    }

    @Override
    public void setStatusCode(int code, String message) {
      this.status = code;
    }

    @Override
    public void setContentType(String contentType) {
      this.contentType = contentType;
    }

    @Override
    public Optional<String> getContentType() {
      return Optional.ofNullable(contentType);
    }

    @Override
    public void appendHeader(String header, String value) {
      headers.computeIfAbsent(header, k -> new ArrayList<>()).add(value);
    }

    @Override
    public Map<String, List<String>> getHeaders() {
      return headers;
    }

    @Override
    public OutputStream getOutputStream() {
      return body;
    }

    @Override
    public BufferedWriter getWriter() {
      return new BufferedWriter(new OutputStreamWriter(body, UTF_8));
    }

    public int status() {
      return status;
    }

    /** The body's bytes, as written so far. */
    public byte[] body() {
      return body.toByteArray();
    }

    /** The body as JSON. */
    public JsonNode json() {
      try {
        return new ObjectMapper().readTree(body.toByteArray());
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + body.toString(UTF_8), e);
      }
    }
  }
}
