# syntax=docker/dockerfile:1
# API, web app and indexer images. Build: docker compose build (or docker build --target api .).
# LLAMA_BACKEND=Cuda12 (the default) takes llama.cpp from LLamaSharp.Backend.Cuda12 (restored from the image's NuGet
# sources, plus LLAMA_CUDA_FEED when given); LLAMA_BACKEND=Cpu builds CPU-only images from LLamaSharp.Backend.Cpu.
ARG DOTNET_VERSION=10.0
ARG LLAMA_BACKEND=Cuda12

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG LLAMA_BACKEND
ARG LLAMA_CUDA_FEED=
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
COPY . .
RUN dotnet publish src/Assistant.Api -c Release -o /out/api -p:LlamaBackend=${LLAMA_BACKEND} -p:LlamaCudaFeed=${LLAMA_CUDA_FEED} \
 && dotnet publish src/Assistant.Indexer -c Release -o /out/indexer -p:LlamaBackend=${LLAMA_BACKEND} -p:LlamaCudaFeed=${LLAMA_CUDA_FEED} \
 && dotnet publish src/Assistant.Web -c Release -o /out/web

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble AS runtime
ARG LLAMA_BACKEND
# LLamaSharp.Backend.Cuda12 needs the CUDA 12 runtime and cuBLAS; the driver's libcuda.so.1 is mounted by the
# NVIDIA container toolkit when the container is given a GPU.
RUN if [ "$LLAMA_BACKEND" = "Cuda12" ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends ca-certificates wget \
      && wget -q https://developer.download.nvidia.com/compute/cuda/repos/ubuntu2404/x86_64/cuda-keyring_1.1-1_all.deb \
      && dpkg -i cuda-keyring_1.1-1_all.deb && rm cuda-keyring_1.1-1_all.deb \
      && apt-get update \
      && apt-get install -y --no-install-recommends cuda-cudart-12-8 libcublas-12-8 \
      && apt-get purge -y wget && rm -rf /var/lib/apt/lists/*; \
    fi
ENV LD_LIBRARY_PATH=/usr/local/cuda-12.8/targets/x86_64-linux/lib \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    RAGLEGAL_Catalog__Path=/data/raglegal.db \
    OMP_WAIT_POLICY=PASSIVE
RUN mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
USER $APP_UID

FROM runtime AS api
COPY --from=build /out/api .
EXPOSE 8080
ENTRYPOINT ["dotnet", "raglegal-api.dll"]

# The web app needs no GPU and no model: the plain ASP.NET Core image.
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble AS web
ENV RAGLEGAL_Accounts__Path=/data/accounts.db RAGLEGAL_Web__KeysPath=/data/web-keys RAGLEGAL_Web__ApiUrl=http://api:8080
RUN mkdir -p /data && chown "$APP_UID" /data
WORKDIR /app
USER $APP_UID
COPY --from=build /out/web .
EXPOSE 8080
ENTRYPOINT ["dotnet", "raglegal-web.dll"]

FROM runtime AS indexer
COPY --from=build /out/indexer .
ENTRYPOINT ["dotnet", "indexer.dll"]
