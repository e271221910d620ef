using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Hosting;

/// <summary>Refuses bodies over <see cref="ApiOptions.MaxRequestBytes"/>: declared ones at once, streamed ones as they cross it.</summary>
internal sealed class RequestSizeLimit(RequestDelegate next, IOptions<ApiOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBytes;
        if (context.Request.ContentLength is { } length && length > limit)
        {
            await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body is {length} bytes; at most {limit} are accepted.");
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            body.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
