using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Storage.Tests.Qdrant;

/// <summary>
/// An in-process HTTP/2 gRPC endpoint on loopback for the real Qdrant.Client channel: it records every call (method,
/// api-key metadata, request bytes) and gives the answers queued by the test, in order, as gRPC frames and status
/// trailers. It does not play Qdrant: nothing is stored or searched, it only shows what the client sent and lets a
/// test choose a status or an acknowledgement.
/// </summary>
internal sealed class GrpcEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _replies = new();
    private readonly List<ReceivedCall> _calls = [];

    private GrpcEndpoint(WebApplication app)
    {
        _app = app;
        app.Run(AnswerAsync);
    }

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<ReceivedCall> Calls
    {
        get
        {
            lock (_calls)
            {
                return [.. _calls];
            }
        }
    }

    public static async Task<GrpcEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        var endpoint = new GrpcEndpoint(builder.Build());
        await endpoint._app.StartAsync();
        var address = endpoint._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint.Url = new Uri(address);
        return endpoint;
    }

    /// <summary>A successful call answered with this message.</summary>
    public GrpcEndpoint Ok(IMessage message)
    {
        _replies.Enqueue(new Reply(StatusCode.OK, null, message, Hang: false));
        return this;
    }

    /// <summary>A call that fails with this status (and Qdrant's words, as its detail).</summary>
    public GrpcEndpoint Fail(StatusCode status, string? detail = null)
    {
        _replies.Enqueue(new Reply(status, detail, null, Hang: false));
        return this;
    }

    /// <summary>A call that never answers: only the client's deadline or cancellation ends it.</summary>
    /// <param name="arrived">Set when the call has arrived.</param>
    public GrpcEndpoint Hang(TaskCompletionSource? arrived = null)
    {
        _replies.Enqueue(new Reply(StatusCode.OK, null, null, Hang: true, arrived));
        return this;
    }

    public void ForgetCalls()
    {
        lock (_calls)
        {
            _calls.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var frame = body.ToArray();

        // A gRPC message frame: compressed flag, big-endian length, the message.
        var message = frame.Length >= 5 ? frame.AsSpan(5, (int)BinaryPrimitives.ReadUInt32BigEndian(frame.AsSpan(1))).ToArray() : [];
        var apiKey = context.Request.Headers.TryGetValue("api-key", out var values) ? values.ToString() : null;
        lock (_calls)
        {
            _calls.Add(new ReceivedCall(context.Request.Path.Value!, apiKey, message));
        }

        context.Response.ContentType = "application/grpc";
        if (!_replies.TryDequeue(out var reply))
        {
            reply = new Reply(StatusCode.Unimplemented, $"no answer queued for {context.Request.Path}", null, Hang: false);
        }

        if (reply.Hang)
        {
            reply.Arrived?.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, as the test wanted.
            }

            return;
        }

        if (reply.Message is { } answer)
        {
            var bytes = answer.ToByteArray();
            var header = new byte[5];
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(1), (uint)bytes.Length);
            await context.Response.Body.WriteAsync(header, context.RequestAborted);
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }

        context.Response.AppendTrailer("grpc-status", ((int)reply.Status).ToString(CultureInfo.InvariantCulture));
        if (reply.Detail is { } detail)
        {
            context.Response.AppendTrailer("grpc-message", Uri.EscapeDataString(detail));
        }
    }

    private sealed record Reply(StatusCode Status, string? Detail, IMessage? Message, bool Hang, TaskCompletionSource? Arrived = null);
}

/// <param name="Method">The gRPC method path, e.g. "/qdrant.Points/Upsert".</param>
/// <param name="Message">The request message's bytes.</param>
internal sealed record ReceivedCall(string Method, string? ApiKey, byte[] Message)
{
    public T As<T>()
        where T : IMessage<T>, new() => new MessageParser<T>(() => new T()).ParseFrom(Message);
}
